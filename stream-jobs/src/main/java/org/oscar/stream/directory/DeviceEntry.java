package org.oscar.stream.directory;

import java.io.Serializable;
import org.oscar.contract.wire.DeviceKind;

/** What the pipeline knows about a provisioned device: what it is and which region owns it. */
public record DeviceEntry(String id, DeviceKind kind, String region) implements Serializable {}

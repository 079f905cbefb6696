package org.oscar.stream.directory;

import java.util.Optional;

/** Finds a provisioned device by id. */
public interface DeviceLookup {
  Optional<DeviceEntry> lookup(String id);
}

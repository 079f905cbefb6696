package org.oscar.gateway.ais140;

import java.util.Optional;
import org.oscar.contract.registry.DeviceRecord;

/** Which registered device an IMEI belongs to. Blocking (the registry is in Redis). */
@FunctionalInterface
public interface ImeiBindings {
  Optional<DeviceRecord> deviceOf(String imei);
}

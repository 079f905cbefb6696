package org.oscar.stream.directory;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.oscar.contract.scenario.Scenario;
import org.oscar.contract.wire.DeviceKind;

/**
 * The devices the pipeline accepts messages from. Today a static snapshot taken from the scenario
 * at job start; the device registry (device-gateway) will feed it live.
 */
public final class DeviceDirectory implements DeviceLookup, Serializable {
  private final Map<String, DeviceEntry> entries;

  public DeviceDirectory(Map<String, DeviceEntry> entries) {
    this.entries = Map.copyOf(entries);
  }

  public static DeviceDirectory of(Scenario scenario) {
    Map<String, DeviceEntry> m = new HashMap<>();
    for (Scenario.UnitSpec u : scenario.units()) {
      m.put(u.id(), new DeviceEntry(u.id(), u.kind(), scenario.regionOf(u)));
    }
    for (Scenario.SurvivorSpec s : scenario.survivors()) {
      m.put(
          s.id(),
          new DeviceEntry(
              s.id(),
              DeviceKind.PANIC,
              scenario.regionOf(s),
              s.cancelPinHash(),
              s.duressPinHash()));
    }
    return new DeviceDirectory(m);
  }

  @Override
  public Optional<DeviceEntry> lookup(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  public int size() {
    return entries.size();
  }
}

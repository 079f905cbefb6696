package org.oscar.stream.dispatch.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.MapState;
import org.oscar.stream.dispatch.engine.IncidentDigest;
import org.oscar.stream.dispatch.engine.RegionBook;
import org.oscar.stream.dispatch.model.IncidentState;
import org.oscar.stream.dispatch.model.UnitState;
import org.oscar.stream.dispatch.spatial.UnitGridIndex;

/** A region's book in Flink keyed state (the current key is the region). */
final class MapStateRegionBook extends RegionBook {
  private final MapState<String, UnitState> units;
  private final MapState<String, IncidentState> incidents;
  private final MapState<String, String> devices;

  MapStateRegionBook(
      MapState<String, UnitState> units,
      MapState<String, IncidentState> incidents,
      MapState<String, String> devices,
      UnitGridIndex index,
      IncidentDigest digest) {
    super(index, digest);
    this.units = units;
    this.incidents = incidents;
    this.devices = devices;
  }

  @Override
  protected UnitState loadUnit(String unitId) {
    return call(() -> units.get(unitId));
  }

  @Override
  protected void storeUnit(UnitState unit) {
    run(() -> units.put(unit.unitId(), unit));
  }

  @Override
  protected Iterable<UnitState> allUnits() {
    return call(units::values);
  }

  @Override
  public IncidentState incident(String incidentId) {
    return call(() -> incidents.get(incidentId));
  }

  @Override
  protected void storeIncident(IncidentState incident) {
    run(() -> incidents.put(incident.incidentId, incident));
  }

  @Override
  protected void deleteIncident(String incidentId) {
    run(() -> incidents.remove(incidentId));
  }

  @Override
  public List<IncidentState> incidents() {
    List<IncidentState> all = new ArrayList<>();
    call(incidents::values).forEach(all::add);
    return all;
  }

  @Override
  public String incidentOfDevice(String deviceId) {
    return call(() -> devices.get(deviceId));
  }

  @Override
  public void linkDevice(String deviceId, String incidentId) {
    run(() -> devices.put(deviceId, incidentId));
  }

  @Override
  public void unlinkDevice(String deviceId) {
    run(() -> devices.remove(deviceId));
  }

  private interface StateCall<T> {
    T call() throws Exception;
  }

  private interface StateRun {
    void run() throws Exception;
  }

  private static <T> T call(StateCall<T> c) {
    try {
      return c.call();
    } catch (Exception e) {
      throw new IllegalStateException("keyed state access failed", e);
    }
  }

  private static void run(StateRun r) {
    call(
        () -> {
          r.run();
          return null;
        });
  }
}

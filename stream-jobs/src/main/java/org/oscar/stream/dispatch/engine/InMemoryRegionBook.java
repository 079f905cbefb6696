package org.oscar.stream.dispatch.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oscar.stream.dispatch.model.IncidentState;
import org.oscar.stream.dispatch.model.UnitState;

/** A region book in plain maps: for the rules' unit tests and for replaying recorded input. */
public final class InMemoryRegionBook extends RegionBook {
  private final Map<String, UnitState> units = new HashMap<>();
  private final Map<String, IncidentState> incidents = new HashMap<>();
  private final Map<String, String> devices = new HashMap<>();

  public InMemoryRegionBook() {
    super(null, null);
  }

  @Override
  protected UnitState loadUnit(String unitId) {
    return units.get(unitId);
  }

  @Override
  protected void storeUnit(UnitState unit) {
    units.put(unit.unitId(), unit);
  }

  @Override
  protected Iterable<UnitState> allUnits() {
    return units.values();
  }

  @Override
  public IncidentState incident(String incidentId) {
    return incidents.get(incidentId);
  }

  @Override
  protected void storeIncident(IncidentState incident) {
    incidents.put(incident.incidentId, incident);
  }

  @Override
  protected void deleteIncident(String incidentId) {
    incidents.remove(incidentId);
  }

  @Override
  public List<IncidentState> incidents() {
    return new ArrayList<>(incidents.values());
  }

  @Override
  public String incidentOfDevice(String deviceId) {
    return devices.get(deviceId);
  }

  @Override
  public void linkDevice(String deviceId, String incidentId) {
    devices.put(deviceId, incidentId);
  }

  @Override
  public void unlinkDevice(String deviceId) {
    devices.remove(deviceId);
  }

  public int deviceLinks() {
    return devices.size();
  }
}

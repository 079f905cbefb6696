package org.oscar.stream.dispatch.engine;

import java.util.List;
import org.oscar.stream.dispatch.model.IncidentState;
import org.oscar.stream.dispatch.model.UnitState;
import org.oscar.stream.dispatch.spatial.UnitGridIndex;

/**
 * Where one region's units and incidents are kept: Flink keyed state in the job, maps in tests.
 * Keeps the spatial index of available units in step with every unit it stores.
 */
public abstract class RegionBook {
  private UnitGridIndex index;

  /**
   * @param index the index built for this region earlier, or null to build it from the units
   */
  protected RegionBook(UnitGridIndex index) {
    this.index = index;
  }

  protected abstract UnitState loadUnit(String unitId);

  protected abstract void storeUnit(UnitState unit);

  protected abstract Iterable<UnitState> allUnits();

  public abstract IncidentState incident(String incidentId);

  public abstract void putIncident(IncidentState incident);

  public abstract void removeIncident(String incidentId);

  /** Every incident kept, in no particular order. */
  public abstract List<IncidentState> incidents();

  /** The incident a panic device's presses belong to (open, or ended within the reopen window). */
  public abstract String incidentOfDevice(String deviceId);

  public abstract void linkDevice(String deviceId, String incidentId);

  public abstract void unlinkDevice(String deviceId);

  public UnitState unit(String unitId) {
    return loadUnit(unitId);
  }

  public void putUnit(UnitState unit) {
    storeUnit(unit);
    if (unit.isAvailable() && unit.kind().role() != null) {
      index().put(unit.unitId(), unit.kind().role(), unit.lat(), unit.lon());
    } else {
      index().remove(unit.unitId());
    }
  }

  public UnitGridIndex index() {
    if (index == null) {
      index = new UnitGridIndex();
      for (UnitState u : allUnits()) {
        if (u.isAvailable() && u.kind().role() != null) {
          index.put(u.unitId(), u.kind().role(), u.lat(), u.lon());
        }
      }
    }
    return index;
  }

  /** The index if it was built or given, for the caller to keep for the next call. */
  public UnitGridIndex indexIfBuilt() {
    return index;
  }
}

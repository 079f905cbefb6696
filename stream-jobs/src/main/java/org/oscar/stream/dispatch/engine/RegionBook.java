package org.oscar.stream.dispatch.engine;

import java.util.List;
import java.util.function.ToLongFunction;
import org.oscar.stream.dispatch.model.IncidentState;
import org.oscar.stream.dispatch.model.UnitState;
import org.oscar.stream.dispatch.spatial.UnitGridIndex;

/**
 * Where one region's units and incidents are kept: Flink keyed state in the job, maps in tests.
 * Keeps the spatial index of available units in step with every unit it stores.
 */
public abstract class RegionBook {
  private UnitGridIndex index;
  private IncidentDigest digest;

  /**
   * @param index the index built for this region earlier, or null to build it from the units
   * @param digest the incident digest built for this region earlier, or null to build it from the
   *     incidents when the engine first needs it
   */
  protected RegionBook(UnitGridIndex index, IncidentDigest digest) {
    this.index = index;
    this.digest = digest;
  }

  protected abstract UnitState loadUnit(String unitId);

  protected abstract void storeUnit(UnitState unit);

  protected abstract Iterable<UnitState> allUnits();

  public abstract IncidentState incident(String incidentId);

  protected abstract void storeIncident(IncidentState incident);

  protected abstract void deleteIncident(String incidentId);

  public void putIncident(IncidentState incident) {
    storeIncident(incident);
    if (digest != null) {
      digest.put(incident);
    }
  }

  public void removeIncident(String incidentId) {
    deleteIncident(incidentId);
    if (digest != null) {
      digest.remove(incidentId);
    }
  }

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
      index().put(unit.unitId(), unit.kind().role(), unit.region(), unit.lat(), unit.lon());
    } else {
      index().remove(unit.unitId());
    }
  }

  public UnitGridIndex index() {
    if (index == null) {
      index = new UnitGridIndex();
      for (UnitState u : allUnits()) {
        if (u.isAvailable() && u.kind().role() != null) {
          index.put(u.unitId(), u.kind().role(), u.region(), u.lat(), u.lon());
        }
      }
    }
    return index;
  }

  /**
   * The digest of this region's incidents, built from them on first use with the engine's deadline
   * rule (the engine asks for it at each entry, so rules within a step find it built).
   */
  public IncidentDigest digest(ToLongFunction<IncidentState> deadlineOf) {
    if (digest == null) {
      digest = new IncidentDigest(deadlineOf);
      for (IncidentState inc : incidents()) {
        digest.put(inc);
      }
    }
    return digest;
  }

  /** The digest, which the engine built on entering the step. */
  IncidentDigest digest() {
    if (digest == null) {
      throw new IllegalStateException("incident digest used before the engine built it");
    }
    return digest;
  }

  /** The digest if it was built or given, for the caller to keep for the next call. */
  public IncidentDigest digestIfBuilt() {
    return digest;
  }

  /** The index if it was built or given, for the caller to keep for the next call. */
  public UnitGridIndex indexIfBuilt() {
    return index;
  }
}

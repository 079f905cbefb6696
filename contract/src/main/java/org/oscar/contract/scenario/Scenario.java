package org.oscar.contract.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.oscar.contract.codec.Json;
import org.oscar.contract.wire.DeviceKind;

/**
 * A demo or test world: its devices, where units start and when survivors press. Every device is
 * registered in the scenario's {@code region} unless its own {@code region} says otherwise (a
 * statewide scenario has units in every district). Until the device registry exists the stream job
 * also takes its device directory from here. Positions in the shipped scenarios are illustrative,
 * not real deployments.
 */
public record Scenario(String region, List<UnitSpec> units, List<SurvivorSpec> survivors) {

  public Scenario {
    units = units == null ? List.of() : List.copyOf(units);
    survivors = survivors == null ? List.of() : List.copyOf(survivors);
  }

  /**
   * A responder unit and where it starts. A {@code silent} unit never answers its tasks (the demo's
   * way of showing a reassignment). A {@code manual} unit is provisioned but not simulated: a
   * person drives it from the responder page, with its own secret.
   */
  public record UnitSpec(
      String id,
      DeviceKind kind,
      double lat,
      double lon,
      Boolean silent,
      Boolean manual,
      String region) {
    public UnitSpec {
      silent = Boolean.TRUE.equals(silent);
      manual = Boolean.TRUE.equals(manual);
    }

    public UnitSpec(String id, DeviceKind kind, double lat, double lon) {
      this(id, kind, lat, lon, false, false, null);
    }
  }

  /**
   * A survivor's panic device, where she is and when she presses (seconds after start), and her
   * cancel and duress PINs as {@link org.oscar.contract.security.PinHash} hashes (optional).
   */
  public record SurvivorSpec(
      String id,
      double lat,
      double lon,
      int pressAfterS,
      Boolean injured,
      String cancelPinHash,
      String duressPinHash,
      String region) {
    public SurvivorSpec {
      injured = Boolean.TRUE.equals(injured);
    }

    public SurvivorSpec(String id, double lat, double lon, int pressAfterS, boolean injured) {
      this(id, lat, lon, pressAfterS, injured, null, null, null);
    }
  }

  /** The region a unit is registered in: its own, else the scenario's. */
  public String regionOf(UnitSpec u) {
    return u.region() != null ? u.region() : region;
  }

  /** The region a survivor's device is registered in: its own, else the scenario's. */
  public String regionOf(SurvivorSpec s) {
    return s.region() != null ? s.region() : region;
  }

  public static Scenario load(Path file) {
    try {
      return Json.mapper().readValue(Files.readAllBytes(file), Scenario.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scenario " + file, e);
    }
  }
}

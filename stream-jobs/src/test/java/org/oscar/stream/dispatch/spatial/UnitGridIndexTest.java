package org.oscar.stream.dispatch.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.oscar.contract.wire.Role;
import org.oscar.stream.dispatch.spatial.UnitGridIndex.Candidate;
import org.oscar.stream.geo.GeoDistance;

class UnitGridIndexTest {
  private record Unit(String id, Role role, double lat, double lon) {}

  @Test
  void findsTheSameNearestUnitsAsAFullScan() {
    Random random = new Random(42);
    UnitGridIndex index = new UnitGridIndex();
    List<Unit> units = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      Unit u =
          new Unit(
              "U" + i,
              i % 3 == 0 ? Role.AMBULANCE : Role.POLICE,
              20.1 + random.nextDouble() * 0.35,
              85.65 + random.nextDouble() * 0.4);
      units.add(u);
      index.put(u.id(), u.role(), u.lat(), u.lon());
    }
    for (int q = 0; q < 300; q++) {
      double lat = 20.0 + random.nextDouble() * 0.55;
      double lon = 85.55 + random.nextDouble() * 0.6;
      List<String> expected =
          units.stream()
              .filter(u -> u.role() == Role.POLICE)
              .sorted(
                  Comparator.comparingDouble(
                          (Unit u) -> GeoDistance.meters(lat, lon, u.lat(), u.lon()))
                      .thenComparing(Unit::id))
              .limit(5)
              .map(Unit::id)
              .toList();

      assertThat(index.nearest(Role.POLICE, lat, lon, 5, id -> false))
          .extracting(Candidate::unitId)
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void followsUnitsThatMoveAndForgetsUnitsThatAreRemoved() {
    UnitGridIndex index = new UnitGridIndex();
    index.put("A", Role.POLICE, 20.30, 85.80);
    index.put("B", Role.POLICE, 20.20, 85.80);

    assertThat(index.nearest(Role.POLICE, 20.30, 85.80, 1, id -> false))
        .extracting(Candidate::unitId)
        .containsExactly("A");

    index.put("A", Role.POLICE, 20.10, 85.80);
    assertThat(index.nearest(Role.POLICE, 20.30, 85.80, 1, id -> false))
        .extracting(Candidate::unitId)
        .containsExactly("B");

    index.remove("B");
    index.remove("B");
    assertThat(index.nearest(Role.POLICE, 20.30, 85.80, 5, id -> false))
        .extracting(Candidate::unitId)
        .containsExactly("A");
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void skipsExcludedUnitsAndOtherRoles() {
    UnitGridIndex index = new UnitGridIndex();
    index.put("P1", Role.POLICE, 20.30, 85.80);
    index.put("P2", Role.POLICE, 20.31, 85.80);
    index.put("A1", Role.AMBULANCE, 20.30, 85.80);

    assertThat(index.nearest(Role.POLICE, 20.30, 85.80, 5, "P1"::equals))
        .extracting(Candidate::unitId)
        .containsExactly("P2");
    assertThat(index.nearest(Role.OSC, 20.30, 85.80, 5, id -> false)).isEmpty();
  }

  @Test
  void findsNobodyWhenEveryUnitOfTheRoleHasLeftAndSomeoneOnceThereIsOneAgain() {
    UnitGridIndex index = new UnitGridIndex();
    for (int i = 0; i < 50; i++) {
      index.put("P" + i, Role.POLICE, 20.2 + i * 0.01, 85.8);
    }
    index.put("A1", Role.AMBULANCE, 20.3, 85.8);
    for (int i = 0; i < 50; i++) {
      index.remove("P" + i);
    }
    assertThat(index.nearest(Role.POLICE, 20.3, 85.8, 5, id -> false)).isEmpty();
    assertThat(index.nearest(Role.AMBULANCE, 20.3, 85.8, 5, id -> false))
        .extracting(UnitGridIndex.Candidate::unitId)
        .containsExactly("A1");
    index.put("P7", Role.POLICE, 20.9, 85.8);
    assertThat(index.nearest(Role.POLICE, 20.3, 85.8, 5, id -> false))
        .extracting(UnitGridIndex.Candidate::unitId)
        .containsExactly("P7");
  }

  @Test
  void acrossAStateAndAmongOneDistrictItFindsWhatAFullScanFinds() {
    // A state-sized grid (5° × 5°), units clustered in a few towns of three districts and a few
    // far away, queries anywhere: the walk gives up on empty rings and reads every cell instead.
    Random random = new Random(7);
    UnitGridIndex index = new UnitGridIndex();
    List<Unit> units = new ArrayList<>();
    List<String> regions = new ArrayList<>();
    String[] districts = {"khordha", "cuttack", "puri"};
    for (int i = 0; i < 600; i++) {
      boolean far = i % 50 == 0;
      double lat = far ? 17.8 + random.nextDouble() * 5 : 20.2 + random.nextDouble() * 0.3;
      double lon = far ? 81.4 + random.nextDouble() * 5 : 85.7 + random.nextDouble() * 0.3;
      Unit u = new Unit("U" + i, Role.POLICE, lat, lon);
      String region = districts[i % 3];
      units.add(u);
      regions.add(region);
      index.put(u.id(), u.role(), region, u.lat(), u.lon());
    }
    for (int q = 0; q < 200; q++) {
      double lat = 17.8 + random.nextDouble() * 5;
      double lon = 81.4 + random.nextDouble() * 5;
      String only = districts[q % 3];
      List<String> expectedAll = nearestByScan(units, regions, null, lat, lon, 5);
      List<String> expectedOne = nearestByScan(units, regions, only, lat, lon, 5);

      assertThat(index.nearest(Role.POLICE, lat, lon, 5, id -> false))
          .extracting(Candidate::unitId)
          .containsExactlyElementsOf(expectedAll);
      assertThat(index.nearest(Role.POLICE, only, lat, lon, 5, id -> false))
          .extracting(Candidate::unitId)
          .containsExactlyElementsOf(expectedOne);
    }
    // A unit that leaves is gone from both its grids.
    index.remove("U1");
    assertThat(
            index.nearest(
                Role.POLICE, "cuttack", units.get(1).lat(), units.get(1).lon(), 600, id -> false))
        .extracting(Candidate::unitId)
        .doesNotContain("U1")
        .hasSize(199);
  }

  private static List<String> nearestByScan(
      List<Unit> units, List<String> regions, String only, double lat, double lon, int k) {
    List<Unit> pool = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      if (only == null || regions.get(i).equals(only)) {
        pool.add(units.get(i));
      }
    }
    return pool.stream()
        .sorted(
            Comparator.comparingDouble((Unit u) -> GeoDistance.meters(lat, lon, u.lat(), u.lon()))
                .thenComparing(Unit::id))
        .limit(k)
        .map(Unit::id)
        .toList();
  }
}

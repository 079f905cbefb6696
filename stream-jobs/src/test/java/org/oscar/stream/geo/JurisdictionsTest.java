package org.oscar.stream.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.oscar.contract.region.RegionBundle;
import org.oscar.stream.region.TestRegions;

class JurisdictionsTest {
  private static final RegionBundle KHORDHA = TestRegions.khordha();
  private static final Jurisdictions ODISHA =
      Jurisdictions.of(TestRegions.odisha().bundles().values());

  @Test
  void loadsBhubaneswarsSeventeenPoliceStations() {
    assertThat(ODISHA.stations()).isEqualTo(17);
  }

  // Interior points of each polygon (JTS getInteriorPoint on the shipped data).
  @ParameterizedTest
  @CsvSource({
    "20.265367, 85.828033, Capital Police Station",
    "20.277667, 85.839076, Kharavel Nagar Police Station",
    "20.324874, 85.856170, Mancheswar Police Station",
    "20.374944, 85.820236, Infocity Police Station",
    "20.209210, 85.838017, Lingaraj Police Station",
    "20.180346, 85.714301, Jatani Police Station",
    "20.159794, 85.974614, Balipatana Police Station",
  })
  void findsTheStationWhoseAreaHoldsThePoint(double lat, double lon, String station) {
    assertThat(ODISHA.at(lat, lon)).contains(station);
  }

  @Test
  void aPlaceNoStationCoversBelongsToItsDistrictsControlRoom() {
    // Khordha town (outside Bhubaneswar's stations), Puri town, Cuttack town.
    assertThat(ODISHA.at(20.18268, 85.61629)).contains("Khordha District Police Control Room");
    assertThat(ODISHA.at(19.79825, 85.82494)).contains("Puri District Police Control Room");
    assertThat(ODISHA.at(20.46497, 85.87927)).contains("Cuttack District Police Control Room");
  }

  @Test
  void findsNothingOutsideEveryRegion() {
    // New Delhi; the Bay of Bengal off Puri.
    assertThat(ODISHA.at(28.61, 77.21)).isEmpty();
    assertThat(ODISHA.at(19.5, 86.5)).isEmpty();
  }

  @Test
  void aPointOnTheBorderOfTwoStationsGoesToTheFirstByNameWhicheverHoldsIt() {
    Map<String, Geometry> polygons = KHORDHA.stations();
    Jurisdictions jurisdictions = Jurisdictions.of(List.of(KHORDHA));
    GeometryFactory factory = new GeometryFactory();
    int shared = 0;
    // Every vertex of every station: many lie on a neighbour's edge too.
    for (Geometry polygon : polygons.values()) {
      for (Coordinate c : polygon.getCoordinates()) {
        Point p = factory.createPoint(c);
        List<String> holders =
            polygons.entrySet().stream()
                .filter(e -> e.getValue().covers(p))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        if (holders.size() > 1) {
          shared++;
        }
        assertThat(jurisdictions.at(c.y, c.x)).contains(holders.get(0));
      }
    }
    assertThat(shared).as("vertices on a border between stations").isGreaterThan(100);
  }
}

package org.oscar.stream.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.oscar.contract.region.GeoJsonPolygons;

class JurisdictionsTest {
  private static final Jurisdictions BHUBANESWAR = Jurisdictions.bhubaneswar();

  @Test
  void loadsAllSeventeenPoliceStations() {
    assertThat(BHUBANESWAR.size()).isEqualTo(17);
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
    assertThat(BHUBANESWAR.at(lat, lon)).contains(station);
  }

  @Test
  void findsNothingOutsideTheCity() {
    // Puri, 60 km south-east of Bhubaneswar.
    assertThat(BHUBANESWAR.at(19.8135, 85.8312)).isEmpty();
    assertThat(BHUBANESWAR.at(0, 0)).isEmpty();
  }

  @Test
  void aPointOnTheBorderOfTwoStationsGoesToTheFirstByNameWhicheverHoldsIt() throws Exception {
    Map<String, Geometry> polygons;
    try (InputStream in =
        Jurisdictions.class.getResourceAsStream(Jurisdictions.BHUBANESWAR_RESOURCE)) {
      polygons = GeoJsonPolygons.read(in, "Name");
    }
    Jurisdictions jurisdictions = new Jurisdictions(polygons);
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

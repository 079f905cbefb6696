package org.oscar.stream.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}

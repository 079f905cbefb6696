package org.oscar.stream.connector.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlertApiPosterTest {
  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 422})
  void onlyAMalformedElementIsRefusedForGood(int code) {
    assertThat(AlertApiPoster.malformed(code)).isTrue();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {401, 403, 404, 408, 409, 413, 429, 500, 502, 503, 504})
  void aRefusalThatCanHealIsRetriedNotDropped(int code) {
    assertThat(AlertApiPoster.malformed(code)).isFalse();
  }
}

package org.oscar.alert.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final LoginThrottle throttle = new LoginThrottle(3, 60_000);

  @Test
  void refusesAUserAfterRepeatedFailuresUntilTheyLeaveTheWindow() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.allows("control.khordha", "10.0.0.1", 1_000 + i)).isTrue();
      throttle.failed("control.khordha", "10.0.0.1", 1_000 + i);
    }

    assertThat(throttle.allows("control.khordha", "10.0.0.9", 2_000)).isFalse();
    assertThat(throttle.allows("control.khordha", "10.0.0.9", 61_001)).isTrue();
  }

  @Test
  void refusesAnAddressGuessingManyNamesButNotOthers() {
    for (int i = 0; i < 3 * LoginThrottle.ADDRESS_FACTOR; i++) {
      assertThat(throttle.allows("user" + i, "10.0.0.66", 1_000 + i)).isTrue();
      throttle.failed("user" + i, "10.0.0.66", 1_000 + i);
    }

    assertThat(throttle.allows("someone", "10.0.0.66", 1_100)).isFalse();
    assertThat(throttle.allows("someone", "10.0.0.2", 1_100)).isTrue();
  }

  @Test
  void guessesSentAllAtOnceCannotSlipPastTheLimit() {
    int begun = 0;
    for (int i = 0; i < 10; i++) {
      if (throttle.tryBegin("control.khordha", "10.0.0.1", 1_000)) {
        begun++;
      }
    }

    assertThat(begun).isEqualTo(3);
  }

  @Test
  void successfulLoginsDoNotCountAgainstTheirAddress() {
    for (int i = 0; i < 10 * LoginThrottle.ADDRESS_FACTOR; i++) {
      assertThat(throttle.tryBegin("user" + i, "10.0.0.7", 1_000 + i)).isTrue();
      throttle.succeeded("user" + i, "10.0.0.7");
    }
  }

  @Test
  void aSuccessfulLoginClearsTheUsersFailures() {
    throttle.failed("control.khordha", "10.0.0.1", 1_000);
    throttle.failed("control.khordha", "10.0.0.2", 1_001);

    throttle.succeeded("control.khordha", "10.0.0.2");
    throttle.failed("control.khordha", "10.0.0.3", 1_002);

    assertThat(throttle.allows("control.khordha", "10.0.0.4", 1_003)).isTrue();
  }
}

package org.oscar.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.oscar.alert.notify.channel.ChannelOutcome;
import org.oscar.alert.notify.delivery.RetryPolicy;
import org.oscar.contract.alert.DeliveryStatus;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(4, 1_000, 5_000);

  @Test
  void backsOffByDoublingUpToTheCap() {
    assertThat(policy.delayAfter(1)).isEqualTo(1_000);
    assertThat(policy.delayAfter(2)).isEqualTo(2_000);
    assertThat(policy.delayAfter(3)).isEqualTo(4_000);
    assertThat(policy.delayAfter(4)).isEqualTo(5_000);
    assertThat(policy.delayAfter(60)).isEqualTo(5_000);
  }

  @Test
  void retriesUntilTheLastAttemptThenFails() {
    ChannelOutcome busy = ChannelOutcome.retry("gateway 503");

    assertThat(policy.statusAfter(1, busy)).isEqualTo(DeliveryStatus.RETRYING);
    assertThat(policy.statusAfter(3, busy)).isEqualTo(DeliveryStatus.RETRYING);
    assertThat(policy.statusAfter(4, busy)).isEqualTo(DeliveryStatus.FAILED);
  }

  @Test
  void aRefusalIsFinalAndASendIsDone() {
    assertThat(policy.statusAfter(1, ChannelOutcome.refused("gateway 400")))
        .isEqualTo(DeliveryStatus.FAILED);
    assertThat(policy.statusAfter(2, ChannelOutcome.sent("gateway 202")))
        .isEqualTo(DeliveryStatus.SENT);
  }

  @Test
  void refusesAPolicyThatCouldNeverSend() {
    assertThatThrownBy(() -> new RetryPolicy(0, 1_000, 5_000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(3, 5_000, 1_000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

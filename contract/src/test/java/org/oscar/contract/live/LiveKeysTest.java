package org.oscar.contract.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveKeysTest {
  @Test
  void tellsAnIncidentsOwnKeyFromTheKeysBesideIt() {
    assertThat(LiveKeys.incidentIdOf(LiveKeys.incident("INC-SURV-1-7"))).contains("INC-SURV-1-7");
    assertThat(LiveKeys.incidentIdOf(LiveKeys.notifications("INC-SURV-1-7"))).isEmpty();
    assertThat(LiveKeys.incidentIdOf(LiveKeys.deliveryReceipts("INC-SURV-1-7"))).isEmpty();
    assertThat(LiveKeys.incidentIdOf(LiveKeys.unit("PCR-1"))).isEmpty();
  }
}

package org.oscar.stream.connector.mqtt.source.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MqttSubscriptionPlanTest {
  private static final List<String> FILTERS = List.of("oscar/v1/dev/+/sos", "oscar/v1/unit/+/pos");

  @Test
  void oneReaderOnOneBrokerKeepsThePlainSubscriptionUnderTheSourcesOwnClientId() {
    assertThat(MqttSubscriptionPlan.splits(List.of("tcp://a:1883"), 1, "oscar-pipeline", FILTERS))
        .containsExactly(new MqttSplit("mqtt-0", 0, "tcp://a:1883", "oscar-pipeline", FILTERS));
  }

  @Test
  void severalReadersShareEachBrokersMessagesEachInItsOwnSession() {
    List<MqttSplit> splits =
        MqttSubscriptionPlan.splits(List.of("tcp://a:1883", "tcp://b:1883"), 2, "p", FILTERS);

    assertThat(splits).extracting(MqttSplit::index).containsExactly(0, 1, 2, 3);
    assertThat(splits)
        .extracting(MqttSplit::brokerUrl)
        .containsExactly("tcp://a:1883", "tcp://a:1883", "tcp://b:1883", "tcp://b:1883");
    assertThat(splits)
        .extracting(MqttSplit::clientId)
        .containsExactly("p-r0", "p-r1", "p-r0", "p-r1");
    assertThat(splits.get(3).topicFilters())
        .containsExactly("$share/p/oscar/v1/dev/+/sos", "$share/p/oscar/v1/unit/+/pos");
  }

  @Test
  void theSessionsAnotherReaderCountWouldHaveUsedAreTheOnesSweptAtStart() {
    assertThat(MqttSubscriptionPlan.unplannedSessions("p", 2))
        .contains("p", "p-r2", "p-r63")
        .doesNotContain("p-r0", "p-r1");
    assertThat(MqttSubscriptionPlan.unplannedSessions("p", 1)).contains("p-r0").doesNotContain("p");
  }

  @Test
  void refusesAPlanWithoutBrokersOrReaders() {
    assertThatThrownBy(() -> MqttSubscriptionPlan.splits(List.of(), 1, "p", FILTERS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MqttSubscriptionPlan.splits(List.of("tcp://a:1883"), 0, "p", FILTERS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package org.oscar.stream.connector.mqtt.source.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MqttSubscriptionPlanTest {
  private static final List<String> ORDERED = List.of("oscar/v1/dev/+/sos", "oscar/v1/unit/+/ack");
  private static final List<String> SHARED = List.of("oscar/v1/unit/+/pos");

  @Test
  void oneReaderOnOneBrokerKeepsThePlainSubscriptionToEverythingUnderTheSourcesOwnClientId() {
    assertThat(MqttSubscriptionPlan.splits(List.of("tcp://a:1883"), 1, "p", ORDERED, SHARED))
        .containsExactly(
            new MqttSplit(
                "mqtt-0",
                0,
                "tcp://a:1883",
                "p",
                List.of("oscar/v1/dev/+/sos", "oscar/v1/unit/+/ack", "oscar/v1/unit/+/pos"),
                true));
  }

  @Test
  void severalReadersShareThePositionsWhileTheOrderedLaneIsOneSessionPerBroker() {
    List<MqttSplit> splits =
        MqttSubscriptionPlan.splits(
            List.of("tcp://a:1883", "tcp://b:1883"), 2, "p", ORDERED, SHARED);

    assertThat(splits).extracting(MqttSplit::index).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(splits)
        .extracting(MqttSplit::clientId)
        .containsExactly("p-events", "p-r0", "p-r1", "p-events", "p-r0", "p-r1");
    assertThat(splits)
        .extracting(MqttSplit::ordered)
        .containsExactly(true, false, false, true, false, false);
    assertThat(splits.get(3).brokerUrl()).isEqualTo("tcp://b:1883");
    assertThat(splits.get(3).topicFilters()).isEqualTo(ORDERED);
    assertThat(splits.get(5).topicFilters()).containsExactly("$share/p/oscar/v1/unit/+/pos");
  }

  @Test
  void theSessionsAnotherReaderCountWouldHaveUsedAreTheOnesSweptAtStart() {
    assertThat(MqttSubscriptionPlan.unplannedSessions("p", 2))
        .contains("p", "p-r2", "p-r63")
        .doesNotContain("p-events", "p-r0", "p-r1");
    assertThat(MqttSubscriptionPlan.unplannedSessions("p", 1))
        .contains("p-events", "p-r0")
        .doesNotContain("p");
  }

  @Test
  void refusesAPlanWithoutBrokersOrReaders() {
    assertThatThrownBy(() -> MqttSubscriptionPlan.splits(List.of(), 1, "p", ORDERED, SHARED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> MqttSubscriptionPlan.splits(List.of("tcp://a:1883"), 0, "p", ORDERED, SHARED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

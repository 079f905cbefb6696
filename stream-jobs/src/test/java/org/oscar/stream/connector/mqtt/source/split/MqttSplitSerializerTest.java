package org.oscar.stream.connector.mqtt.source.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttSplitSerializerTest {
  private final MqttSplit split =
      new MqttSplit(
          "mqtt-0", "oscar-pipeline", List.of("oscar/v1/dev/+/sos", "oscar/v1/unit/+/pos"));

  @Test
  void roundTripsASplit() throws IOException {
    MqttSplitSerializer s = new MqttSplitSerializer();

    assertThat(s.deserialize(s.getVersion(), s.serialize(split))).isEqualTo(split);
  }

  @Test
  void roundTripsTheEnumeratorsPendingSplits() throws IOException {
    var s = new MqttSplitSerializer.ListSerializer();

    assertThat(s.deserialize(s.getVersion(), s.serialize(List.of(split, split))))
        .containsExactly(split, split);
    assertThat(s.deserialize(s.getVersion(), s.serialize(List.of()))).isEmpty();
  }

  @Test
  void refusesAnUnknownVersion() {
    assertThatThrownBy(() -> new MqttSplitSerializer().deserialize(2, new byte[0]))
        .isInstanceOf(IOException.class);
  }
}

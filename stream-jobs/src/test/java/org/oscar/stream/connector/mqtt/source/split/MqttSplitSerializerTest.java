package org.oscar.stream.connector.mqtt.source.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttSplitSerializerTest {
  private final MqttSplit split =
      new MqttSplit(
          "mqtt-1",
          1,
          "tcp://broker-2:1883",
          "oscar-pipeline-r1",
          List.of("$share/oscar-pipeline/oscar/v1/unit/+/pos"),
          false);

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
  void readsASplitCheckpointedBeforeSeveralBrokersAsTheOnlySplitOnTheSourcesBroker()
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF("mqtt-0");
      out.writeUTF("oscar-pipeline");
      out.writeInt(1);
      out.writeUTF("oscar/v1/dev/+/sos");
    }

    MqttSplit old = new MqttSplitSerializer().deserialize(1, bytes.toByteArray());

    assertThat(old)
        .isEqualTo(
            new MqttSplit(
                "mqtt-0", 0, null, "oscar-pipeline", List.of("oscar/v1/dev/+/sos"), true));
  }

  @Test
  void refusesAnUnknownVersion() {
    assertThatThrownBy(() -> new MqttSplitSerializer().deserialize(3, new byte[0]))
        .isInstanceOf(IOException.class);
  }
}

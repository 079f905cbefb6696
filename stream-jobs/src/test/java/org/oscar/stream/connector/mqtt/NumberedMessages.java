package org.oscar.stream.connector.mqtt;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/** The source tests' traffic: QoS 1 messages numbered n on topic it/n, collected by number. */
final class NumberedMessages {
  private NumberedMessages() {}

  static void publish(MqttClient publisher, int n) throws Exception {
    MqttMessage m = new MqttMessage(Integer.toString(n).getBytes(StandardCharsets.UTF_8));
    m.setQos(1);
    publisher.publish("it/" + n, m);
  }

  /** Where a test's sink puts each number it sees (a static method: it travels with the job). */
  @FunctionalInterface
  interface Seen extends Serializable {
    void add(int n);
  }

  /** A sink that hands every number to the test. */
  record CollectingSink(Seen seen) implements Sink<Integer> {
    @Override
    public SinkWriter<Integer> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(Integer n, Context c) {
          seen.add(n);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}

package org.oscar.stream.connector.mqtt.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.oscar.stream.connector.mqtt.MqttConnection;
import org.oscar.stream.event.OutboundMessage;

/**
 * Publishes downlink messages (Sink V2). Each message is published with its own QoS and the writer
 * waits for the broker's acknowledgement before taking the next one, so a message that reached the
 * sink is on the broker before the next checkpoint completes. While the broker is unreachable the
 * writer retries and the job backs up behind it: nothing is dropped, nothing is reordered.
 */
public final class MqttSink implements Sink<OutboundMessage> {
  private final MqttConnection connection;
  private final String clientIdPrefix;

  public MqttSink(MqttConnection connection, String clientIdPrefix) {
    this.connection = connection;
    this.clientIdPrefix = clientIdPrefix;
  }

  @Override
  public SinkWriter<OutboundMessage> createWriter(WriterInitContext context) {
    int subtask = context.getTaskInfo().getIndexOfThisSubtask();
    return new MqttSinkWriter(connection, clientIdPrefix + "-" + subtask, context.metricGroup());
  }
}

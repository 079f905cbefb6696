package org.oscar.stream.connector.mqtt.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.oscar.stream.connector.mqtt.MqttConnection;

/**
 * Publishes downlink messages (Sink V2), each with its own QoS, asynchronously with a bounded
 * number in flight ({@link MqttSinkWriter}): a message that reached the sink is on the broker
 * before the next checkpoint completes (the writer's flush waits for every acknowledgement, for a
 * bounded time), and a publish that failed fails the task on the next write or flush, so Flink
 * restarts it from the last checkpoint and the replay publishes it again. Nothing is dropped; order
 * is kept per connection.
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

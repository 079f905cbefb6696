package org.oscar.stream.connector.mqtt.source;

import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.oscar.stream.connector.mqtt.MqttConnection;
import org.oscar.stream.connector.mqtt.source.enumerator.MqttSplitEnumerator;
import org.oscar.stream.connector.mqtt.source.reader.MqttSourceReader;
import org.oscar.stream.connector.mqtt.source.split.MqttSplit;
import org.oscar.stream.connector.mqtt.source.split.MqttSplitSerializer;

/**
 * An unbounded Flink source (FLIP-27) over MQTT topic filters. One split per broker session; see
 * {@link MqttSourceReader} for the delivery guarantee.
 */
public final class MqttSource implements Source<MqttRecord, MqttSplit, List<MqttSplit>> {
  private static final int DEFAULT_BUFFER = 10_000;

  private final MqttConnection connection;
  private final String clientId;
  private final List<String> topicFilters;

  public MqttSource(MqttConnection connection, String clientId, List<String> topicFilters) {
    this.connection = connection;
    this.clientId = clientId;
    this.topicFilters = List.copyOf(topicFilters);
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SplitEnumerator<MqttSplit, List<MqttSplit>> createEnumerator(
      SplitEnumeratorContext<MqttSplit> context) {
    return new MqttSplitEnumerator(
        context, List.of(new MqttSplit("mqtt-0", clientId, topicFilters)));
  }

  @Override
  public SplitEnumerator<MqttSplit, List<MqttSplit>> restoreEnumerator(
      SplitEnumeratorContext<MqttSplit> context, List<MqttSplit> checkpoint) {
    return new MqttSplitEnumerator(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<MqttSplit> getSplitSerializer() {
    return new MqttSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<List<MqttSplit>> getEnumeratorCheckpointSerializer() {
    return new MqttSplitSerializer.ListSerializer();
  }

  @Override
  public SourceReader<MqttRecord, MqttSplit> createReader(SourceReaderContext context) {
    return new MqttSourceReader(connection, DEFAULT_BUFFER, context.metricGroup());
  }
}

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
import org.oscar.stream.connector.mqtt.source.enumerator.UnplannedSessionSweep;
import org.oscar.stream.connector.mqtt.source.reader.MqttSourceReader;
import org.oscar.stream.connector.mqtt.source.split.MqttSplit;
import org.oscar.stream.connector.mqtt.source.split.MqttSplitSerializer;
import org.oscar.stream.connector.mqtt.source.split.MqttSubscriptionPlan;
import org.oscar.stream.event.MqttRecord;

/**
 * An unbounded Flink source (FLIP-27) over MQTT topic filters: {@code readersPerBroker} sessions on
 * each broker of a fleet ({@link MqttSubscriptionPlan}), one split each, split {@code i} held by
 * reader {@code i mod parallelism}. See {@link MqttSourceReader} for the delivery guarantee, which
 * holds per split.
 */
public final class MqttSource implements Source<MqttRecord, MqttSplit, List<MqttSplit>> {
  private static final int DEFAULT_BUFFER = 10_000;

  private final MqttConnection connection;
  private final List<MqttSplit> plan;
  private final UnplannedSessionSweep sweep;

  /** One reader on one broker: a plain subscription to every filter under {@code clientId}. */
  public MqttSource(MqttConnection connection, String clientId, List<String> topicFilters) {
    this(connection, List.of(connection.brokerUrl()), 1, clientId, topicFilters, List.of());
  }

  /**
   * @param connection the credentials (the same on every broker)
   * @param brokerUrls the fleet; each broker's bulk messages are shared by {@code readersPerBroker}
   * @param orderedFilters the lane kept in order per device and read first
   * @param sharedFilters the bulk lane, shared among the readers (ignored with one reader: all
   *     filters are then in one session)
   */
  public MqttSource(
      MqttConnection connection,
      List<String> brokerUrls,
      int readersPerBroker,
      String clientId,
      List<String> orderedFilters,
      List<String> sharedFilters) {
    this.connection = connection;
    this.plan =
        MqttSubscriptionPlan.splits(
            brokerUrls, readersPerBroker, clientId, orderedFilters, sharedFilters);
    this.sweep =
        new UnplannedSessionSweep(
            connection,
            brokerUrls,
            MqttSubscriptionPlan.unplannedSessions(clientId, readersPerBroker));
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SplitEnumerator<MqttSplit, List<MqttSplit>> createEnumerator(
      SplitEnumeratorContext<MqttSplit> context) {
    return new MqttSplitEnumerator(context, plan, sweep);
  }

  @Override
  public SplitEnumerator<MqttSplit, List<MqttSplit>> restoreEnumerator(
      SplitEnumeratorContext<MqttSplit> context, List<MqttSplit> checkpoint) {
    return new MqttSplitEnumerator(context, checkpoint, sweep);
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

package org.oscar.stream.connector.mqtt.source.split;

import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One MQTT subscription: a broker, a session on it (its client id) and the topic filters it holds.
 * The client id is fixed so that a restarted reader resumes the same persistent broker session;
 * {@code index} numbers the source's splits from 0 and decides which reader holds this one. An
 * {@code ordered} split is the lane whose messages must stay in order per device and must not wait
 * behind bulk traffic (presses, cancels, statuses, acks): its reader emits them first.
 */
public record MqttSplit(
    String splitId,
    int index,
    String brokerUrl,
    String clientId,
    List<String> topicFilters,
    boolean ordered)
    implements SourceSplit, java.io.Serializable {
  public MqttSplit {
    topicFilters = List.copyOf(topicFilters);
  }
}

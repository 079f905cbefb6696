package org.oscar.stream.connector.mqtt.source.split;

import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One MQTT subscription: a broker, a session on it (its client id) and the topic filters it holds.
 * The client id is fixed so that a restarted reader resumes the same persistent broker session;
 * {@code index} numbers the source's splits from 0 and decides which reader holds this one.
 */
public record MqttSplit(
    String splitId, int index, String brokerUrl, String clientId, List<String> topicFilters)
    implements SourceSplit, java.io.Serializable {
  public MqttSplit {
    topicFilters = List.copyOf(topicFilters);
  }
}

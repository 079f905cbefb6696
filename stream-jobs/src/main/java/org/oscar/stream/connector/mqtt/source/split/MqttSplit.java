package org.oscar.stream.connector.mqtt.source.split;

import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One MQTT subscription: a broker session (its client id) and the topic filters it holds. The
 * client id is fixed so that a restarted reader resumes the same persistent broker session.
 */
public record MqttSplit(String splitId, String clientId, List<String> topicFilters)
    implements SourceSplit {
  public MqttSplit {
    topicFilters = List.copyOf(topicFilters);
  }
}

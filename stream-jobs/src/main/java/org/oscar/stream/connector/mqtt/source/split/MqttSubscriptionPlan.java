package org.oscar.stream.connector.mqtt.source.split;

import java.util.ArrayList;
import java.util.List;

/**
 * Which sessions a source holds: {@code readersPerBroker} on each broker of a fleet (brokers
 * sharded by region, say). One reader on one broker subscribes plainly under the source's own
 * client id, as a single reader always has. Several readers on a broker share its messages through
 * an MQTT shared subscription ({@code $share/<client id>/<filter>}, Mosquitto 2 and MQTT 5): the
 * broker hands each message to one of them, and each keeps its own persistent session, so a
 * restarted reader gets back what was in flight to it.
 */
public final class MqttSubscriptionPlan {
  /** Sessions swept at start beyond the plan: more readers than this were never planned. */
  public static final int MAX_READERS_PER_BROKER = 64;

  private MqttSubscriptionPlan() {}

  public static List<MqttSplit> splits(
      List<String> brokerUrls, int readersPerBroker, String clientId, List<String> topicFilters) {
    if (brokerUrls.isEmpty()) {
      throw new IllegalArgumentException("at least one broker");
    }
    if (readersPerBroker < 1 || readersPerBroker > MAX_READERS_PER_BROKER) {
      throw new IllegalArgumentException(
          "readers per broker must be 1 to " + MAX_READERS_PER_BROKER + ": " + readersPerBroker);
    }
    List<MqttSplit> splits = new ArrayList<>();
    for (int b = 0; b < brokerUrls.size(); b++) {
      for (int r = 0; r < readersPerBroker; r++) {
        int index = splits.size();
        splits.add(
            new MqttSplit(
                "mqtt-" + index,
                index,
                brokerUrls.get(b),
                sessionId(clientId, readersPerBroker, r),
                readersPerBroker == 1 ? topicFilters : shared(clientId, topicFilters)));
      }
    }
    return splits;
  }

  /** The client id of reader {@code r} of {@code readers} on one broker. */
  public static String sessionId(String clientId, int readers, int r) {
    return readers == 1 ? clientId : clientId + "-r" + r;
  }

  /**
   * Client ids this source may have used on a broker under another reader count, that the current
   * plan does not: their persistent sessions would keep a share of the messages queued for a reader
   * that never comes back, so they are cleared at start.
   */
  public static List<String> unplannedSessions(String clientId, int readersPerBroker) {
    List<String> stale = new ArrayList<>();
    if (readersPerBroker > 1) {
      stale.add(clientId);
    }
    for (int r = readersPerBroker == 1 ? 0 : readersPerBroker; r < MAX_READERS_PER_BROKER; r++) {
      stale.add(clientId + "-r" + r);
    }
    return stale;
  }

  private static List<String> shared(String group, List<String> filters) {
    return filters.stream().map(f -> "$share/" + group + "/" + f).toList();
  }
}

package org.oscar.stream.connector.mqtt.source.split;

import java.util.ArrayList;
import java.util.List;

/**
 * Which sessions a source holds on each broker of a fleet (brokers sharded by region, say).
 *
 * <ul>
 *   <li>One reader: one plain subscription to every filter under the source's own client id, as a
 *       single reader always has.
 *   <li>Several readers: an <b>ordered lane</b>, one plain session ({@code <id>-events}) holding
 *       the filters whose messages must stay in order per device (presses, cancels, statuses, acks,
 *       presence), and a <b>shared lane</b> of {@code readers} sessions ({@code <id>-r<r>}) in one
 *       MQTT shared subscription ({@code $share/<id>/<filter>}, Mosquitto 2) to the bulk filters
 *       (unit positions): the broker hands each message to one of them. Every session is
 *       persistent, so a restarted reader gets back what was in flight to it.
 * </ul>
 */
public final class MqttSubscriptionPlan {
  /** Sessions swept at start beyond the plan: more readers than this were never planned. */
  public static final int MAX_READERS_PER_BROKER = 64;

  private MqttSubscriptionPlan() {}

  public static List<MqttSplit> splits(
      List<String> brokerUrls,
      int readersPerBroker,
      String clientId,
      List<String> orderedFilters,
      List<String> sharedFilters) {
    if (brokerUrls.isEmpty()) {
      throw new IllegalArgumentException("at least one broker");
    }
    if (readersPerBroker < 1 || readersPerBroker > MAX_READERS_PER_BROKER) {
      throw new IllegalArgumentException(
          "readers per broker must be 1 to " + MAX_READERS_PER_BROKER + ": " + readersPerBroker);
    }
    List<MqttSplit> splits = new ArrayList<>();
    for (String broker : brokerUrls) {
      if (readersPerBroker == 1 || sharedFilters.isEmpty()) {
        List<String> all = new ArrayList<>(orderedFilters);
        all.addAll(sharedFilters);
        splits.add(split(splits.size(), broker, clientId, all, true));
        continue;
      }
      if (!orderedFilters.isEmpty()) {
        splits.add(split(splits.size(), broker, eventsSession(clientId), orderedFilters, true));
      }
      for (int r = 0; r < readersPerBroker; r++) {
        splits.add(
            split(
                splits.size(),
                broker,
                sharedSession(clientId, r),
                sharedFilters.stream().map(f -> "$share/" + clientId + "/" + f).toList(),
                false));
      }
    }
    return splits;
  }

  private static MqttSplit split(
      int index, String broker, String session, List<String> filters, boolean ordered) {
    return new MqttSplit("mqtt-" + index, index, broker, session, filters, ordered);
  }

  static String eventsSession(String clientId) {
    return clientId + "-events";
  }

  static String sharedSession(String clientId, int r) {
    return clientId + "-r" + r;
  }

  /**
   * Client ids this source may have used on a broker under another reader count, that the current
   * plan does not: their persistent sessions would keep messages (a share of them, in a shared
   * subscription) queued for a reader that never comes back, so they are cleared at start.
   */
  public static List<String> unplannedSessions(String clientId, int readersPerBroker) {
    List<String> stale = new ArrayList<>();
    if (readersPerBroker == 1) {
      stale.add(eventsSession(clientId));
    } else {
      stale.add(clientId);
    }
    for (int r = readersPerBroker == 1 ? 0 : readersPerBroker; r < MAX_READERS_PER_BROKER; r++) {
      stale.add(sharedSession(clientId, r));
    }
    return stale;
  }
}

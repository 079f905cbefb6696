package org.oscar.stream.validate;

import org.apache.flink.api.common.functions.Partitioner;
import org.apache.flink.api.java.functions.KeySelector;
import org.oscar.stream.event.MqttRecord;

/**
 * Spreads uplink messages over the validation instances by the device they come from (the topic's
 * id segment, {@code oscar/v1/<family>/<id>/<leaf>}): validation, PIN checks included, runs at the
 * job's parallelism whichever reader took a message; one device's messages from one reader keep
 * their order (one channel); and a device's flood budget ({@link FloodGuard}) is counted in one
 * instance, not once per reader.
 */
public final class ByDevice implements KeySelector<MqttRecord, String>, Partitioner<String> {
  private static final int ID_SEGMENT = 3;

  @Override
  public String getKey(MqttRecord record) {
    return deviceKey(record.topic());
  }

  @Override
  public int partition(String key, int partitions) {
    return Math.floorMod(key.hashCode(), partitions);
  }

  /** The topic's id segment; the whole topic if it has none (validation refuses it anyway). */
  static String deviceKey(String topic) {
    int from = 0;
    for (int i = 0; i < ID_SEGMENT; i++) {
      from = topic.indexOf('/', from) + 1;
      if (from == 0) {
        return topic;
      }
    }
    int to = topic.indexOf('/', from);
    return to < 0 ? topic.substring(from) : topic.substring(from, to);
  }
}

package org.oscar.stream.connector.mqtt.source.enumerator;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.oscar.stream.connector.mqtt.source.split.MqttSplit;

/**
 * Hands each subscription to the first reader that can take it. A subscription is one broker
 * session, so it must be held by exactly one reader at a time; splits come back here when a reader
 * fails and go to the next reader that registers.
 */
public final class MqttSplitEnumerator implements SplitEnumerator<MqttSplit, List<MqttSplit>> {
  private final SplitEnumeratorContext<MqttSplit> context;
  private final List<MqttSplit> unassigned;

  public MqttSplitEnumerator(SplitEnumeratorContext<MqttSplit> context, List<MqttSplit> pending) {
    this.context = context;
    this.unassigned = new ArrayList<>(pending);
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId, String requesterHostname) {
    assignPending();
  }

  @Override
  public void addSplitsBack(List<MqttSplit> splits, int subtaskId) {
    unassigned.addAll(splits);
    assignPending();
  }

  @Override
  public void addReader(int subtaskId) {
    assignPending();
  }

  private void assignPending() {
    var readers = new ArrayList<>(context.registeredReaders().keySet());
    if (readers.isEmpty()) {
      return;
    }
    readers.sort(Integer::compare);
    int i = 0;
    while (!unassigned.isEmpty()) {
      context.assignSplit(unassigned.remove(0), readers.get(i++ % readers.size()));
    }
  }

  @Override
  public List<MqttSplit> snapshotState(long checkpointId) {
    return List.copyOf(unassigned);
  }

  @Override
  public void close() {}
}

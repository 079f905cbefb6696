package org.oscar.stream.connector.mqtt.source.enumerator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.oscar.stream.connector.mqtt.source.split.MqttSplit;

/**
 * Hands each subscription to its reader: split {@code i} to subtask {@code i mod parallelism}, so P
 * splits land on P readers, one each, whatever order the readers register in. A subscription is one
 * broker session, so it must be held by exactly one reader at a time; splits come back here when a
 * reader fails and go to that reader again when it registers.
 */
public final class MqttSplitEnumerator implements SplitEnumerator<MqttSplit, List<MqttSplit>> {
  private final SplitEnumeratorContext<MqttSplit> context;
  private final List<MqttSplit> unassigned;
  private final Runnable onStart;

  /**
   * @param onStart run once, off the coordinator's thread, when the enumerator starts (clearing
   *     sessions the plan no longer uses)
   */
  public MqttSplitEnumerator(
      SplitEnumeratorContext<MqttSplit> context, List<MqttSplit> pending, Runnable onStart) {
    this.context = context;
    this.unassigned = new ArrayList<>(pending);
    this.onStart = onStart;
  }

  @Override
  public void start() {
    Thread t = new Thread(onStart, "mqtt-source-session-sweep");
    t.setDaemon(true);
    t.start();
  }

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
    int parallelism = context.currentParallelism();
    var registered = context.registeredReaders().keySet();
    Iterator<MqttSplit> it = unassigned.iterator();
    while (it.hasNext()) {
      MqttSplit split = it.next();
      int owner = split.index() % parallelism;
      if (registered.contains(owner)) {
        context.assignSplit(split, owner);
        it.remove();
      }
    }
  }

  @Override
  public List<MqttSplit> snapshotState(long checkpointId) {
    return List.copyOf(unassigned);
  }

  @Override
  public void close() {}
}

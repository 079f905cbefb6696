package org.oscar.stream.connector.mqtt.source.reader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.oscar.stream.connector.mqtt.MqttConnection;
import org.oscar.stream.connector.mqtt.source.split.MqttSplit;
import org.oscar.stream.event.MqttRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one MQTT subscription into Flink.
 *
 * <p>Delivery: <b>at-least-once</b> across a task failure. Acknowledgements are manual: a QoS 1
 * message is acknowledged to the broker only when the checkpoint taken after it was emitted has
 * completed, that is once Flink's state reflects it. Until then the broker holds it in flight for
 * this session (fixed client id, clean session off), and if the task fails the broker delivers it
 * again to the restarted reader, which resumes the same session. Replayed messages meet state
 * rolled back to the same checkpoint, so they are processed as if for the first time; what they
 * produce again downstream carries the same ids. The broker must allow enough messages in flight
 * per client to cover a checkpoint interval ({@code max_inflight_messages}).
 *
 * <p>Two lanes: messages of an ordered split (presses, cancels, statuses, acks) are emitted before
 * any waiting bulk message (unit positions), so a press never waits behind position traffic in this
 * reader. Each lane's buffer is bounded: when the job falls behind, that lane's Paho callback
 * thread blocks, which stops it reading its socket and pushes back on the broker instead of growing
 * the heap; a full bulk lane does not hold up the ordered one.
 */
public final class MqttSourceReader implements SourceReader<MqttRecord, MqttSplit> {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSourceReader.class);
  private static final long CONNECT_TIMEOUT_MS = 10_000;

  private final MqttConnection connection;
  private final int capacity;
  private final Counter received;
  private final Counter acknowledged;
  // Guarded by buffer (the lock of both lanes).
  private final Object buffer = new Object();
  private final ArrayDeque<Arrived> ordered = new ArrayDeque<>();
  private final ArrayDeque<Arrived> bulk = new ArrayDeque<>();
  // Mailbox thread only: message ids emitted since the last snapshot, and per pending checkpoint.
  private List<Arrived> emittedSinceSnapshot = new ArrayList<>();
  private final java.util.TreeMap<Long, List<Arrived>> awaitingCheckpoint =
      new java.util.TreeMap<>();
  private final List<MqttSplit> splits = new ArrayList<>();
  private final List<MqttAsyncClient> clients = new ArrayList<>();
  private final ScheduledExecutorService connector =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "mqtt-source-connector");
            t.setDaemon(true);
            return t;
          });
  private CompletableFuture<Void> available = new CompletableFuture<>();
  private volatile boolean closed;

  public MqttSourceReader(
      MqttConnection connection, int capacity, SourceReaderMetricGroup metricGroup) {
    this.connection = connection;
    this.capacity = capacity;
    this.received = metricGroup.getIOMetricGroup().getNumRecordsInCounter();
    this.acknowledged = metricGroup.counter("mqttMessagesAcknowledged");
  }

  @Override
  public void start() {}

  /** A message taken off the broker, with what is needed to acknowledge it later. */
  private record Arrived(
      MqttRecord record, MqttAsyncClient client, int messageId, int qos, boolean ordered) {}

  @Override
  public InputStatus pollNext(ReaderOutput<MqttRecord> output) {
    Arrived next;
    boolean more;
    synchronized (buffer) {
      next = ordered.isEmpty() ? bulk.poll() : ordered.poll();
      more = !ordered.isEmpty() || !bulk.isEmpty();
      if (next != null) {
        buffer.notifyAll();
      }
    }
    if (next == null) {
      return InputStatus.NOTHING_AVAILABLE;
    }
    received.inc();
    if (next.qos() > 0) {
      emittedSinceSnapshot.add(next);
    }
    output.collect(next.record(), next.record().receivedAt());
    return more ? InputStatus.MORE_AVAILABLE : InputStatus.NOTHING_AVAILABLE;
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    synchronized (buffer) {
      if (!ordered.isEmpty() || !bulk.isEmpty()) {
        return CompletableFuture.completedFuture(null);
      }
      if (available.isDone()) {
        available = new CompletableFuture<>();
      }
      return available;
    }
  }

  private void enqueue(Arrived record) throws InterruptedException {
    CompletableFuture<Void> toComplete;
    ArrayDeque<Arrived> lane = record.ordered() ? ordered : bulk;
    synchronized (buffer) {
      while (lane.size() >= capacity && !closed) {
        buffer.wait(100);
      }
      if (closed) {
        return;
      }
      lane.add(record);
      toComplete = available;
    }
    toComplete.complete(null);
  }

  @Override
  public List<MqttSplit> snapshotState(long checkpointId) {
    awaitingCheckpoint.put(checkpointId, emittedSinceSnapshot);
    emittedSinceSnapshot = new ArrayList<>();
    return List.copyOf(splits);
  }

  /** The checkpoint holds everything emitted before it: now the broker may forget it. */
  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    var done = awaitingCheckpoint.headMap(checkpointId, true);
    for (List<Arrived> acked : done.values()) {
      for (Arrived a : acked) {
        if (acknowledge(a)) {
          acknowledged.inc();
        }
      }
    }
    done.clear();
  }

  /**
   * Tells the broker it may forget a message. The client that took it may have been discarded since
   * (its broker crashed or restarted without persistence): then there is nothing left to
   * acknowledge. Paho throws on a discarded client, a NullPointerException from a closed one
   * included; a throw here would fail the job and roll it back to the last checkpoint, forgetting
   * what it did with messages the broker no longer holds (OutagesITCase saw that restart).
   */
  private boolean acknowledge(Arrived a) {
    synchronized (clients) {
      if (!clients.contains(a.client())) {
        return false;
      }
    }
    try {
      a.client().messageArrivedComplete(a.messageId(), a.qos());
      return true;
    } catch (MqttException | RuntimeException e) {
      LOG.debug("ack of message {} not sent: {}", a.messageId(), String.valueOf(e));
      return false;
    }
  }

  @Override
  public void addSplits(List<MqttSplit> newSplits) {
    for (MqttSplit split : newSplits) {
      splits.add(split);
      connect(split);
    }
  }

  private void connect(MqttSplit split) {
    connector.execute(() -> connectUntilUp(split));
  }

  /**
   * Connects the split's session, a fresh client per attempt: the broker may not be up yet when the
   * job starts, or may have crashed, and a Paho client whose connect timed out can stay stuck
   * "connecting" (seen after a broker crash). Keeps trying rather than fail the job.
   */
  private void connectUntilUp(MqttSplit split) {
    if (closed) {
      return;
    }
    MqttConnection broker = connection.onBroker(split.brokerUrl());
    MqttAsyncClient client;
    try {
      client = new MqttAsyncClient(broker.brokerUrl(), split.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalStateException("bad MQTT client settings for " + connection, e);
    }
    client.setManualAcks(true);
    client.setCallback(new Callback(client, split));
    try {
      client.connect(broker.options(false)).waitForCompletion(CONNECT_TIMEOUT_MS);
      synchronized (clients) {
        clients.add(client);
      }
      LOG.info("MQTT source {} connected to {}", split.clientId(), broker.brokerUrl());
    } catch (MqttException e) {
      LOG.warn("MQTT source {} cannot connect yet: {}", split.clientId(), e.getMessage());
      discard(client);
      connector.schedule(() -> connectUntilUp(split), 1, TimeUnit.SECONDS);
    }
  }

  private static void discard(MqttAsyncClient client) {
    try {
      client.disconnectForcibly(0, 0);
    } catch (MqttException e) {
      LOG.debug("MQTT source: forced disconnect: {}", e.getMessage());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("MQTT source: close: {}", e.getMessage());
    }
  }

  private static void subscribe(MqttAsyncClient client, MqttSplit split) {
    String[] filters = split.topicFilters().toArray(new String[0]);
    int[] qos = new int[filters.length];
    java.util.Arrays.fill(qos, 1);
    try {
      client.subscribe(
          filters,
          qos,
          null,
          new org.eclipse.paho.client.mqttv3.IMqttActionListener() {
            @Override
            public void onSuccess(org.eclipse.paho.client.mqttv3.IMqttToken token) {
              int[] granted = token.getGrantedQos();
              if (granted != null && java.util.Arrays.stream(granted).anyMatch(q -> q > 2)) {
                // Refused (0x80): the broker's access list does not allow this filter, and
                // nothing will arrive on it. Loud, since it looks like silence.
                LOG.error(
                    "MQTT source {}: the broker refused subscriptions {} (granted {})",
                    split.clientId(),
                    split.topicFilters(),
                    java.util.Arrays.toString(granted));
                return;
              }
              LOG.info("MQTT source {} subscribed to {}", split.clientId(), split.topicFilters());
            }

            @Override
            public void onFailure(org.eclipse.paho.client.mqttv3.IMqttToken token, Throwable e) {
              LOG.warn(
                  "MQTT source {} subscription failed: {}", split.clientId(), String.valueOf(e));
            }
          });
    } catch (MqttException e) {
      LOG.warn("MQTT source {} cannot subscribe: {}", split.clientId(), e.getMessage());
    }
  }

  private final class Callback implements MqttCallbackExtended {
    private final MqttAsyncClient client;
    private final MqttSplit split;

    Callback(MqttAsyncClient client, MqttSplit split) {
      this.client = client;
      this.split = split;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
      // Also after an automatic reconnect: a broker restarted without persistence has lost the
      // session and with it the subscription.
      if (reconnect) {
        LOG.info("MQTT source {} reconnected to {}", split.clientId(), serverURI);
      }
      subscribe(client, split);
    }

    @Override
    public void connectionLost(Throwable cause) {
      LOG.warn("MQTT source {} lost the broker: {}", split.clientId(), String.valueOf(cause));
      synchronized (clients) {
        clients.remove(client);
      }
      if (!closed) {
        // Not on Paho's callback thread: closing a client from its own callback can deadlock.
        connector.schedule(
            () -> {
              discard(client);
              connectUntilUp(split);
            },
            500,
            TimeUnit.MILLISECONDS);
      }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
      enqueue(
          new Arrived(
              new MqttRecord(topic, message.getPayload(), System.currentTimeMillis()),
              client,
              message.getId(),
              message.getQos(),
              split.ordered()));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }

  @Override
  public void notifyNoMoreSplits() {}

  @Override
  public void close() throws Exception {
    closed = true;
    synchronized (buffer) {
      buffer.notifyAll();
    }
    connector.shutdownNow();
    List<MqttAsyncClient> open;
    synchronized (clients) {
      open = new ArrayList<>(clients);
      clients.clear();
    }
    for (MqttAsyncClient c : open) {
      try {
        if (c.isConnected()) {
          c.disconnect(1_000).waitForCompletion(2_000);
        }
      } catch (MqttException e) {
        LOG.debug("MQTT source disconnect: {}", e.getMessage());
      } finally {
        c.close(true);
      }
    }
  }
}

package org.oscar.stream.connector.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.oscar.contract.live.DeliveryBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class AsyncDeliveryWriter<T> implements StatefulSinkWriter<T, T> {
  private static final Logger LOG = LoggerFactory.getLogger(AsyncDeliveryWriter.class);
  private static final long MAX_BACKOFF_MS = 2_000;
  private static final long REPORT_EVERY_MS = 1_000;

  private final String name;
  private final Deliverer<T> deliverer;
  private final AsyncDeliverySink.KeyOf<T> keyOf;
  private final int maxPending;
  // Guarded by itself. Insertion order is delivery order; a newer element keeps its key's place.
  private final LinkedHashMap<String, T> pending = new LinkedHashMap<>();
  private final Counter delivered;
  private final Counter retries;
  private final Thread worker;
  private final BacklogReporter reporter;
  private final int instance;
  private final ScheduledExecutorService reports;
  private volatile boolean closed;
  // Since when deliveries fail (0: the last one went through), and why: for the backlog report.
  private volatile long failingSince;
  private volatile String lastError;

  AsyncDeliveryWriter(
      String name,
      Deliverer<T> deliverer,
      AsyncDeliverySink.KeyOf<T> keyOf,
      int maxPending,
      Collection<T> restored,
      MetricGroup metrics,
      BacklogReporter reporter,
      int instance) {
    this.name = name;
    this.deliverer = deliverer;
    this.keyOf = keyOf;
    this.maxPending = maxPending;
    for (T t : restored) {
      pending.put(keyOf.key(t), t);
    }
    this.delivered = metrics.counter("delivered");
    this.retries = metrics.counter("deliveryRetries");
    metrics.gauge("pendingDeliveries", this::pendingCount);
    this.reporter = reporter;
    this.instance = instance;
    this.worker = new Thread(this::deliverLoop, "delivery-" + name);
    worker.setDaemon(true);
    worker.start();
    this.reports =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "delivery-backlog-" + name);
              t.setDaemon(true);
              return t;
            });
    reports.scheduleWithFixedDelay(this::report, 0, REPORT_EVERY_MS, TimeUnit.MILLISECONDS);
  }

  private void report() {
    try {
      reporter.report(
          new DeliveryBacklog(
              name, instance, pendingCount(), failingSince, lastError, System.currentTimeMillis()));
    } catch (RuntimeException e) {
      LOG.debug("{}: backlog not reported: {}", name, e.getMessage());
    }
  }

  private int pendingCount() {
    synchronized (pending) {
      return pending.size();
    }
  }

  @Override
  public void write(T element, Context context) throws InterruptedException {
    synchronized (pending) {
      while (pending.size() >= maxPending && !closed) {
        pending.wait(100);
      }
      pending.put(keyOf.key(element), element);
      pending.notifyAll();
    }
  }

  @Override
  public List<T> snapshotState(long checkpointId) {
    synchronized (pending) {
      return new ArrayList<>(pending.values());
    }
  }

  @Override
  public void flush(boolean endOfInput) throws InterruptedException {
    if (!endOfInput) {
      // Undelivered elements are in the checkpoint (snapshotState): no need to wait for them.
      return;
    }
    synchronized (pending) {
      while (!pending.isEmpty() && !closed) {
        pending.wait(100);
      }
    }
  }

  private void deliverLoop() {
    long backoff = 50;
    while (!closed) {
      Map.Entry<String, T> next;
      synchronized (pending) {
        while (pending.isEmpty() && !closed) {
          try {
            pending.wait(200);
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        next = Map.entry(pending.keySet().iterator().next(), pending.values().iterator().next());
      }
      try {
        deliverer.deliver(next.getValue());
        delivered.inc();
        backoff = 50;
        failingSince = 0;
        lastError = null;
        synchronized (pending) {
          // Remove it only if no newer element took its key meanwhile.
          pending.remove(next.getKey(), next.getValue());
          pending.notifyAll();
        }
      } catch (Exception e) {
        retries.inc();
        if (failingSince == 0) {
          failingSince = System.currentTimeMillis();
        }
        lastError = String.valueOf(e.getMessage());
        LOG.warn("{}: delivery failed ({}), retrying in {} ms", name, e.getMessage(), backoff);
        synchronized (pending) {
          // To the back of the queue: one element the target keeps refusing must not hold up the
          // others behind it.
          if (pending.remove(next.getKey(), next.getValue())) {
            pending.put(next.getKey(), next.getValue());
          }
        }
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          return;
        }
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
    }
  }

  @Override
  public void close() throws Exception {
    closed = true;
    synchronized (pending) {
      pending.notifyAll();
    }
    worker.interrupt();
    worker.join(5_000);
    reports.shutdownNow();
    deliverer.close();
    reporter.close();
  }
}

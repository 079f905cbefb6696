package org.oscar.stream.connector.delivery;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A sink that never makes the job wait for the outside world (Sink V2, with writer state). Elements
 * are queued, latest per key (a newer live view of an incident replaces an undelivered older one),
 * and a background thread delivers them, retrying with backoff while the target is down. Whatever
 * is still undelivered at a checkpoint is part of it and is delivered again after a restore:
 * <b>at-least-once</b>, which idempotent deliverers turn into exactly-once effects.
 *
 * <p>Only a queue over {@code maxPending} keys makes the job wait (backpressure), so a target down
 * for long is felt, instead of memory running out.
 */
public final class AsyncDeliverySink<T> implements Sink<T>, SupportsWriterState<T, T> {
  /** The key an element replaces an older undelivered one under. */
  @FunctionalInterface
  public interface KeyOf<T> extends Serializable {
    String key(T element);
  }

  private final String name;
  private final DelivererFactory<T> deliverers;
  private final KeyOf<T> keyOf;
  private final SimpleVersionedSerializer<T> stateSerializer;
  private final int maxPending;
  private final BacklogReporter.Factory backlog;

  public AsyncDeliverySink(
      String name,
      DelivererFactory<T> deliverers,
      KeyOf<T> keyOf,
      SimpleVersionedSerializer<T> stateSerializer,
      int maxPending) {
    this(name, deliverers, keyOf, stateSerializer, maxPending, BacklogReporter.Factory.none());
  }

  /**
   * @param backlog where each instance reports, every second, what it has waiting and since when
   *     deliveries fail
   */
  public AsyncDeliverySink(
      String name,
      DelivererFactory<T> deliverers,
      KeyOf<T> keyOf,
      SimpleVersionedSerializer<T> stateSerializer,
      int maxPending,
      BacklogReporter.Factory backlog) {
    this.name = name;
    this.deliverers = deliverers;
    this.keyOf = keyOf;
    this.stateSerializer = stateSerializer;
    this.maxPending = maxPending;
    this.backlog = backlog;
  }

  @Override
  public StatefulSinkWriter<T, T> createWriter(WriterInitContext context) {
    return restoreWriter(context, List.of());
  }

  @Override
  public StatefulSinkWriter<T, T> restoreWriter(WriterInitContext context, Collection<T> pending) {
    return new AsyncDeliveryWriter<>(
        name,
        deliverers.open(context.metricGroup()),
        keyOf,
        maxPending,
        pending,
        context.metricGroup(),
        backlog.open(),
        context.getTaskInfo().getIndexOfThisSubtask());
  }

  @Override
  public SimpleVersionedSerializer<T> getWriterStateSerializer() {
    return stateSerializer;
  }
}

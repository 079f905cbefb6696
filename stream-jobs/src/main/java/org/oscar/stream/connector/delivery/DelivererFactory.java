package org.oscar.stream.connector.delivery;

import java.io.Serializable;
import org.apache.flink.metrics.MetricGroup;

/** Travels with the job graph; opens a deliverer in each parallel sink instance. */
@FunctionalInterface
public interface DelivererFactory<T> extends Serializable {
  Deliverer<T> open(MetricGroup metrics);
}

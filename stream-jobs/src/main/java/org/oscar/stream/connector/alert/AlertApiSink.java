package org.oscar.stream.connector.alert;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.oscar.stream.dispatch.model.AlertRequest;

/**
 * Tells the alert API that incidents were opened (Sink V2). Each event carries an id stable for the
 * incident, so a resend after a retry or a job replay is recognised and dropped by the API. A
 * failing API is retried with backoff until it answers; while it is down, the job backs up behind
 * this sink rather than lose an alert.
 */
public final class AlertApiSink implements Sink<AlertRequest> {
  private final AlertApiEndpoint endpoint;

  public AlertApiSink(AlertApiEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public SinkWriter<AlertRequest> createWriter(WriterInitContext context) {
    return new AlertApiWriter(endpoint, context.metricGroup());
  }
}

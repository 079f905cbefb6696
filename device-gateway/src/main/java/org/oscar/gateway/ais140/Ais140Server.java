package org.oscar.gateway.ais140;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The TCP listener AIS-140 trackers connect to, and the adapter's {@code /metrics}. Each connection
 * gets a {@link TrackerSession}; the event loop only moves bytes, the sessions' blocking work runs
 * on a small worker pool.
 */
public final class Ais140Server implements AutoCloseable {
  /** A tracker silent this long is disconnected, and so shown offline. */
  static final int IDLE_TIMEOUT_S = 600;

  private final Vertx vertx = Vertx.vertx();
  private final ExecutorService workers;
  private final ImeiBindings bindings;
  private final UnregisteredEmergencies unregistered;
  private final ContractPublisher publisher;
  private final Ais140Metrics metrics;
  private final PrometheusMeterRegistry registry;
  private NetServer tcp;
  private HttpServer http;

  public Ais140Server(
      ImeiBindings bindings,
      ContractPublisher publisher,
      PrometheusMeterRegistry registry,
      int workerThreads) {
    this(bindings, UnregisteredEmergencies.NONE, publisher, registry, workerThreads);
  }

  public Ais140Server(
      ImeiBindings bindings,
      UnregisteredEmergencies unregistered,
      ContractPublisher publisher,
      PrometheusMeterRegistry registry,
      int workerThreads) {
    this.bindings = bindings;
    this.unregistered = unregistered;
    this.publisher = publisher;
    this.registry = registry;
    this.metrics = new Ais140Metrics(registry);
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            workerThreads,
            r -> {
              Thread t = new Thread(r, "ais140-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts listening; port 0 picks a free one. Returns the TCP port. */
  public int start(String host, int port) throws Exception {
    tcp =
        vertx
            .createNetServer(
                new NetServerOptions()
                    .setHost(host)
                    .setPort(port)
                    .setIdleTimeout(IDLE_TIMEOUT_S)
                    .setIdleTimeoutUnit(TimeUnit.SECONDS))
            .connectHandler(
                socket -> {
                  metrics.connectionOpened();
                  TrackerSession session =
                      new TrackerSession(
                          bindings,
                          unregistered,
                          publisher,
                          metrics,
                          workers,
                          System::currentTimeMillis);
                  socket.handler(buffer -> session.onBytes(buffer.getBytes()));
                  socket.closeHandler(
                      v -> {
                        metrics.connectionClosed();
                        session.onClosed();
                      });
                })
            .listen()
            .await(10, TimeUnit.SECONDS);
    return tcp.actualPort();
  }

  /** Serves Prometheus text on {@code GET /metrics}; returns the port. */
  public int startMetrics(String host, int port) throws Exception {
    http =
        vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  if (req.path().equals("/metrics")) {
                    req.response()
                        .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(registry.scrape());
                  } else {
                    req.response().setStatusCode(404).end();
                  }
                })
            .listen(port, host)
            .await(10, TimeUnit.SECONDS);
    return http.actualPort();
  }

  public Ais140Metrics metrics() {
    return metrics;
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    workers.shutdown();
    workers.awaitTermination(5, TimeUnit.SECONDS);
  }
}

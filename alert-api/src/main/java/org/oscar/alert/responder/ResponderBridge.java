package org.oscar.alert.responder;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT over WebSockets for the responder page, bridged to the broker's TCP listener (Debian's
 * Mosquitto 2.0.11 cannot open a websockets listener). The bridge is a byte pipe and reads no
 * packet: the page's MQTT CONNECT carries the unit's own id and secret, the broker authenticates it
 * and applies that unit's access list to everything it publishes or subscribes. The bridge holds no
 * broker credentials of its own, so nothing it does widens what a unit may do.
 *
 * <p>Guarantee: none beyond the page's own MQTT session. A dropped connection drops both sides at
 * once (the broker publishes the unit's last will) and the page reconnects; its QoS 1 messages are
 * retried by its MQTT client as they would be over a direct connection.
 */
public final class ResponderBridge {
  public static final String PATH = "/mqtt";

  /** The WebSocket subprotocols MQTT clients offer: MQTT 3.1.1 and 5, and 3.1. */
  public static final List<String> SUBPROTOCOLS = List.of("mqtt", "mqttv3.1");

  private static final Logger LOG = LoggerFactory.getLogger(ResponderBridge.class);
  private static final String REJECTED = "oscar.responder.bridge.rejected";

  private final NetClient net;
  private final String brokerHost;
  private final int brokerPort;
  private final int limit;
  private final AtomicInteger open = new AtomicInteger();
  private final MeterRegistry meters;

  /**
   * @param brokerUrl the broker's {@code tcp://} or {@code ssl://} URL
   * @param limit most pages bridged at once; one more is refused (503) rather than starve the API
   */
  public ResponderBridge(Vertx vertx, String brokerUrl, int limit, MeterRegistry meters) {
    URI broker = URI.create(brokerUrl);
    this.brokerHost = broker.getHost();
    this.brokerPort = broker.getPort() > 0 ? broker.getPort() : defaultPort(broker);
    this.limit = limit;
    this.meters = meters;
    boolean tls = "ssl".equals(broker.getScheme());
    this.net =
        vertx.createNetClient(
            new NetClientOptions()
                .setConnectTimeout(5_000)
                .setTcpNoDelay(true)
                .setSsl(tls)
                // Over TLS the broker must be the one named, as for the API's own MQTT client.
                .setHostnameVerificationAlgorithm(tls ? "HTTPS" : ""));
    meters.gauge("oscar.responder.bridge.open", open);
  }

  private static int defaultPort(URI broker) {
    return "ssl".equals(broker.getScheme()) ? 8883 : 1883;
  }

  public void mount(Router router) {
    router.get(PATH).handler(this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    if (open.incrementAndGet() > limit) {
      open.decrementAndGet();
      reject("over_limit");
      ctx.response().setStatusCode(503).end("too many responder connections; try again");
      return;
    }
    ctx.request()
        .toWebSocket()
        .onSuccess(this::bridge)
        .onFailure(
            e -> {
              open.decrementAndGet();
              reject("not_websocket");
              if (!ctx.response().ended()) {
                ctx.response().setStatusCode(400).end("a WebSocket upgrade is expected here");
              }
            });
  }

  /**
   * Each side's bytes to the other, with back-pressure; either side closing closes both. The page
   * may go before the broker side exists (a client that gave up): then the broker side is closed as
   * soon as it connects. Both sides' callbacks run on the page's context, one at a time.
   */
  private void bridge(ServerWebSocket page) {
    // Held until the broker side exists, so the page's CONNECT is not read into nowhere.
    page.pause();
    AtomicBoolean released = new AtomicBoolean();
    Runnable release =
        () -> {
          if (released.compareAndSet(false, true)) {
            open.decrementAndGet();
          }
        };
    AtomicReference<NetSocket> brokerSide = new AtomicReference<>();
    page.closeHandler(
        v -> {
          NetSocket broker = brokerSide.get();
          if (broker != null) {
            broker.close();
          }
          release.run();
        });
    net.connect(brokerPort, brokerHost)
        .onSuccess(
            broker -> {
              if (page.isClosed()) {
                broker.close();
                return;
              }
              brokerSide.set(broker);
              meters.counter("oscar.responder.bridge.connections").increment();
              broker.closeHandler(
                  v -> {
                    if (!page.isClosed()) {
                      page.close();
                    }
                    release.run();
                  });
              page.pipeTo(broker);
              broker.pipeTo(page);
            })
        .onFailure(
            e -> {
              reject("broker_unreachable");
              LOG.warn("responder bridge: broker unreachable: {}", e.getMessage());
              if (!page.isClosed()) {
                page.close((short) 1011, "broker unreachable");
              }
              release.run();
            });
  }

  private void reject(String reason) {
    meters.counter(REJECTED, "reason", reason).increment();
  }

  public void close() {
    net.close();
  }
}

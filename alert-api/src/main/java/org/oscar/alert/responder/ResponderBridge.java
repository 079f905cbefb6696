package org.oscar.alert.responder;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT over WebSockets for the responder page, bridged to the broker's TCP listener (Debian's
 * Mosquitto 2.0.11 cannot open a websockets listener). The broker's listener is private (loopback,
 * a cluster-internal service) and also serves the pipeline, the API and the admin, so the bridge
 * lets through only a responder unit's login: it reads the page's first packet and passes it only
 * if it is an MQTT 3.1.1 CONNECT whose user name is an active responder unit of the registry and
 * whose client id is {@code web-<unit>}. Everything after is a byte pipe: the broker checks the
 * unit's secret and applies its access list to everything it publishes or subscribes. The bridge
 * holds no broker credentials of its own, so nothing it does widens what a unit may do.
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
  private final Vertx vertx;
  private final ResponderUnits units;

  /** How long a page has to send its CONNECT before it is closed. */
  static final long CONNECT_WITHIN_MS = 10_000;

  /** Who may log in through the bridge: blocking, run off the event loop. */
  @FunctionalInterface
  public interface ResponderUnits {
    /**
     * Whether {@code id} is a provisioned, active responder unit (not a panic device or service).
     */
    boolean isActiveUnit(String id) throws Exception;
  }

  /**
   * @param brokerUrl the broker's {@code tcp://} or {@code ssl://} URL
   * @param limit most pages bridged at once; one more is refused (503) rather than starve the API
   * @param units who may log in: responder units of the registry, and nobody else
   */
  public ResponderBridge(
      Vertx vertx, String brokerUrl, int limit, ResponderUnits units, MeterRegistry meters) {
    URI broker = URI.create(brokerUrl);
    this.vertx = vertx;
    this.units = units;
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
   * Reads the page's first packet and passes it only if it is a unit's CONNECT (see the class
   * comment), then pipes each side's bytes to the other with back-pressure; either side closing
   * closes both. A page that sends no whole CONNECT within {@link #CONNECT_WITHIN_MS} is closed, so
   * it cannot hold a slot. The page may go before the broker side exists: then the broker side is
   * closed as soon as it connects. Both sides' callbacks run on the page's context, one at a time.
   */
  private void bridge(ServerWebSocket page) {
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
    Buffer first = Buffer.buffer();
    AtomicBoolean judged = new AtomicBoolean();
    long timer =
        vertx.setTimer(
            CONNECT_WITHIN_MS,
            t -> {
              if (judged.compareAndSet(false, true)) {
                refuse(page, "no_connect");
              }
            });
    page.handler(
        bytes -> {
          if (judged.get()) {
            return;
          }
          first.appendBuffer(bytes);
          MqttConnectPacket.Read read = MqttConnectPacket.read(first.getBytes());
          if (read instanceof MqttConnectPacket.Incomplete) {
            return;
          }
          judged.set(true);
          vertx.cancelTimer(timer);
          if (read instanceof MqttConnectPacket.Refused refused) {
            refuse(page, refused.why());
          } else if (read instanceof MqttConnectPacket.Complete complete) {
            page.pause();
            admit(page, complete.packet(), first, brokerSide);
          }
        });
  }

  private void admit(
      ServerWebSocket page,
      MqttConnectPacket connect,
      Buffer first,
      AtomicReference<NetSocket> brokerSide) {
    Optional<String> unit = connect.unitId();
    if (unit.isEmpty()) {
      refuse(page, "client_id");
      return;
    }
    vertx
        .executeBlocking(() -> units.isActiveUnit(unit.get()), false)
        .onComplete(
            ok -> {
              if (ok.failed() || !Boolean.TRUE.equals(ok.result())) {
                refuse(page, ok.failed() ? "registry_unavailable" : "not_a_unit");
              } else if (!page.isClosed()) {
                connectBroker(page, first, brokerSide);
              }
            });
  }

  private void connectBroker(
      ServerWebSocket page, Buffer first, AtomicReference<NetSocket> brokerSide) {
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
                  });
              broker.write(first);
              page.pipeTo(broker);
              broker.pipeTo(page);
            })
        .onFailure(
            e -> {
              LOG.warn("responder bridge: broker unreachable: {}", e.getMessage());
              refuse(page, "broker_unreachable");
            });
  }

  /** Closes the page (1008: policy violation, 1011 when the broker is away) and counts why. */
  private void refuse(ServerWebSocket page, String why) {
    reject(why);
    if (!page.isClosed()) {
      page.close("broker_unreachable".equals(why) ? (short) 1011 : (short) 1008, why);
    }
  }

  private void reject(String reason) {
    meters.counter(REJECTED, "reason", reason).increment();
  }

  public void close() {
    net.close();
  }
}

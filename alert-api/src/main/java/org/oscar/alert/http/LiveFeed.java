package org.oscar.alert.http;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oscar.alert.http.auth.ApiAuth;
import org.oscar.alert.http.auth.Principal;
import org.oscar.alert.store.AlertStore;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.live.LiveKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * Pushes live state to control rooms as Server-Sent Events ({@code GET /api/v1/stream}). The stream
 * job announces every live-state write on {@code oscar:live:<region>}; one subscriber thread here
 * collects the announcements, and every {@value #FLUSH_MS} ms the changed units and incidents are
 * read (off the event loop) and sent to the connected users allowed to see them. A position report
 * therefore reaches the map in well under a second. After the subscription is lost and regained,
 * clients get a {@code resync} event and reload everything.
 */
public final class LiveFeed {
  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
  static final long FLUSH_MS = 250;
  private static final String ADDRESS = "oscar.live.";

  private final Vertx vertx;
  private final AlertStore store;
  private final RedisClient subscriberRedis;
  private final Map<String, Set<String>> pending = new HashMap<>();
  private volatile boolean running = true;
  private JedisPubSub pubSub;
  private long timer = -1;

  public LiveFeed(Vertx vertx, AlertStore store, RedisClient subscriberRedis) {
    this.vertx = vertx;
    this.store = store;
    this.subscriberRedis = subscriberRedis;
  }

  public void start() {
    Thread t = new Thread(this::subscribeLoop, "live-feed-subscriber");
    t.setDaemon(true);
    t.start();
    timer = vertx.setPeriodic(FLUSH_MS, id -> flush());
  }

  public void stop() {
    running = false;
    vertx.cancelTimer(timer);
    JedisPubSub p = pubSub;
    if (p != null && p.isSubscribed()) {
      p.punsubscribe();
    }
    subscriberRedis.close();
  }

  /** The SSE endpoint: the units and incidents of the caller's regions, as they change. */
  public void handle(RoutingContext ctx) {
    Principal who = ApiAuth.principal(ctx);
    HttpServerResponse res = ctx.response();
    res.setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-store")
        .write(": connected\n\n");
    List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean behind =
        new java.util.concurrent.atomic.AtomicBoolean();
    List<String> addresses = new ArrayList<>(who.regions());
    addresses.add("*");
    for (String region : addresses) {
      consumers.add(
          vertx
              .eventBus()
              .<JsonObject>consumer(ADDRESS + region)
              .handler(
                  m -> {
                    JsonObject e = m.body();
                    if (!visible(who, e)) {
                      return;
                    }
                    if (res.writeQueueFull()) {
                      // A client that does not keep up is not buffered without end: it skips
                      // events and is told to reload once it has caught up.
                      behind.set(true);
                      return;
                    }
                    res.write(
                        "event: "
                            + e.getString("type")
                            + "\ndata: "
                            + e.getJsonObject("data", new JsonObject()).encode()
                            + "\n\n");
                  }));
    }
    res.drainHandler(
        v -> {
          if (behind.getAndSet(false)) {
            res.write("event: resync\ndata: {}\n\n");
          }
        });
    res.exceptionHandler(e -> consumers.forEach(MessageConsumer::unregister));
    long heartbeat = vertx.setPeriodic(15_000, id -> res.write(": keep-alive\n\n"));
    res.closeHandler(
        v -> {
          vertx.cancelTimer(heartbeat);
          consumers.forEach(MessageConsumer::unregister);
        });
  }

  private static boolean visible(Principal who, JsonObject e) {
    if (!"incident".equals(e.getString("type"))) {
      return true;
    }
    IncidentView v = Json.fromString(e.getJsonObject("data").encode(), IncidentView.class);
    return who.canSee(v);
  }

  private void subscribeLoop() {
    while (running) {
      pubSub =
          new JedisPubSub() {
            @Override
            public void onPMessage(String pattern, String channel, String message) {
              String region = channel.substring(LiveKeys.liveChannel("").length());
              synchronized (pending) {
                pending.computeIfAbsent(region, r -> new LinkedHashSet<>()).add(message);
              }
            }

            @Override
            public void onPSubscribe(String pattern, int count) {
              // Anything announced while we were not subscribed is unknown: clients reload.
              synchronized (pending) {
                pending.put("*", new LinkedHashSet<>(List.of("resync:")));
              }
            }
          };
      try {
        subscriberRedis.psubscribe(pubSub, LiveKeys.liveChannel("*"));
      } catch (RuntimeException e) {
        if (running) {
          LOG.warn("live feed lost its Redis subscription ({}); retrying", e.getMessage());
          sleepQuietly(1_000);
        }
      }
    }
  }

  private void flush() {
    Map<String, Set<String>> batch;
    synchronized (pending) {
      if (pending.isEmpty()) {
        return;
      }
      batch = new HashMap<>(pending);
      pending.clear();
    }
    vertx
        .executeBlocking(() -> read(batch), false)
        .onSuccess(
            events ->
                events.forEach(
                    (region, list) ->
                        list.forEach(e -> vertx.eventBus().publish(ADDRESS + region, e))))
        .onFailure(e -> LOG.warn("live feed read failed: {}", e.getMessage()));
  }

  private Map<String, List<JsonObject>> read(Map<String, Set<String>> batch) {
    Map<String, List<JsonObject>> out = new HashMap<>();
    Set<String> resyncRegions = new LinkedHashSet<>();
    for (var entry : batch.entrySet()) {
      String region = entry.getKey();
      List<JsonObject> events = new ArrayList<>();
      for (String item : entry.getValue()) {
        int colon = item.indexOf(':');
        String type = item.substring(0, colon);
        String id = item.substring(colon + 1);
        switch (type) {
          case "unit" ->
              store
                  .unit(id)
                  .ifPresent(u -> events.add(event("unit", new JsonObject(new HashMap<>(u)))));
          case "incident" ->
              store
                  .incidentJson(id)
                  .ifPresent(j -> events.add(event("incident", new JsonObject(j))));
          case "unregistered" ->
              store
                  .unregisteredEmergencyJson(region, id)
                  .ifPresent(j -> events.add(event("unregistered", new JsonObject(j))));
          case "resync" -> resyncRegions.add(region);
          default -> {
            // presence of a survivor's device: shown through its incident, not on its own
          }
        }
      }
      out.put(region, events);
    }
    if (!resyncRegions.isEmpty()) {
      out.put("*", List.of(event("resync", new JsonObject())));
    }
    return out;
  }

  private static JsonObject event(String type, JsonObject data) {
    return new JsonObject().put("type", type).put("data", data);
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

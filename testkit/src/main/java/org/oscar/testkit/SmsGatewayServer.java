package org.oscar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local SMS gateway for tests and the local demo: a real HTTP server speaking the webhook shape
 * OSCAR's SMS channel uses ({@code POST /sms}, bearer API key, JSON {@code {to, message, reference,
 * callbackUrl}}, {@code Idempotency-Key}), which keeps messages instead of sending them to phones.
 * Like real gateways it accepts a repeated idempotency key without sending the message again, and
 * it can report delivery to the callback URL. Failures can be scripted: the next N requests answer
 * with a status, or are held before answering (to crash the caller mid-request).
 */
public final class SmsGatewayServer implements AutoCloseable {
  /** A message the gateway would have sent to a phone. */
  public record Sms(String to, String message, String reference, String idempotencyKey) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String apiKey;
  private final HttpServer server;
  private final HttpClient callbacks = HttpClient.newHttpClient();
  private final List<Sms> delivered = new CopyOnWriteArrayList<>();
  private final List<String> requestKeys = new CopyOnWriteArrayList<>();
  private final Map<String, Sms> byKey = new ConcurrentHashMap<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureStatus = 503;
  private final AtomicLong holdNextMs = new AtomicLong();
  private volatile String reportToken;
  private volatile java.util.function.Consumer<Sms> onDelivered = s -> {};

  public SmsGatewayServer(String apiKey) throws IOException {
    this(apiKey, 0);
  }

  public SmsGatewayServer(String apiKey, int port) throws IOException {
    this.apiKey = apiKey;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/sms", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /**
   * The local demo's SMS gateway: {@code SmsGatewayServer PORT}, API key and report token from
   * {@code OSCAR_SMS_API_KEY} and {@code OSCAR_SMS_RECEIPT_TOKEN}; prints each message it would
   * send.
   */
  public static void main(String[] args) throws Exception {
    SmsGatewayServer gateway =
        new SmsGatewayServer(System.getenv("OSCAR_SMS_API_KEY"), Integer.parseInt(args[0]));
    gateway.reportDeliveryWith(System.getenv("OSCAR_SMS_RECEIPT_TOKEN"));
    gateway.onDelivered(
        sms -> System.out.println("[sms-gateway] to " + sms.to() + ": " + sms.message()));
    System.out.println("[sms-gateway] demo SMS gateway on " + gateway.url());
    Thread.currentThread().join();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
  }

  /** The next {@code n} requests get {@code status} and are not sent. */
  public void failNext(int n, int status) {
    failureStatus = status;
    failuresLeft.set(n);
  }

  /** The next request is held this long before it is answered (and sent). */
  public void holdNext(Duration d) {
    holdNextMs.set(d.toMillis());
  }

  /** After sending, report DELIVERED to the request's callback URL with this bearer token. */
  public void reportDeliveryWith(String token) {
    reportToken = token;
  }

  /** Called for every message sent (the local demo prints them). */
  public void onDelivered(java.util.function.Consumer<Sms> listener) {
    onDelivered = listener;
  }

  /** Messages sent to phones, once per idempotency key. */
  public List<Sms> delivered() {
    return new ArrayList<>(delivered);
  }

  /** The idempotency key of every request received, repeats included. */
  public List<String> requestKeys() {
    return new ArrayList<>(requestKeys);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())) {
        answer(ex, 405, "{}");
        return;
      }
      if (!("Bearer " + apiKey).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        answer(ex, 401, "{\"error\":\"bad api key\"}");
        return;
      }
      JsonNode body;
      try {
        body = JSON.readTree(ex.getRequestBody());
      } catch (IOException e) {
        answer(ex, 400, "{\"error\":\"not json\"}");
        return;
      }
      String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
      requestKeys.add(String.valueOf(key));
      long hold = holdNextMs.getAndSet(0);
      if (hold > 0) {
        sleep(hold);
      }
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        answer(ex, failureStatus, "{\"error\":\"scripted failure\"}");
        return;
      }
      if (key == null || !body.hasNonNull("to") || !body.hasNonNull("message")) {
        answer(ex, 400, "{\"error\":\"to, message and Idempotency-Key are required\"}");
        return;
      }
      Sms sms =
          new Sms(
              body.get("to").asText(),
              body.get("message").asText(),
              body.path("reference").asText(null),
              key);
      boolean fresh = byKey.putIfAbsent(key, sms) == null;
      if (fresh) {
        delivered.add(sms);
        onDelivered.accept(sms);
      }
      answer(ex, 202, "{\"messageId\":\"" + Integer.toHexString(key.hashCode()) + "\"}");
      if (fresh && reportToken != null && body.hasNonNull("callbackUrl")) {
        report(body.get("callbackUrl").asText(), sms.reference());
      }
    }
  }

  private void report(String callbackUrl, String reference) throws IOException {
    String body = JSON.writeValueAsString(Map.of("reference", reference, "status", "DELIVERED"));
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(callbackUrl))
            .header("Authorization", "Bearer " + reportToken)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    callbacks.sendAsync(r, HttpResponse.BodyHandlers.discarding());
  }

  private static void answer(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

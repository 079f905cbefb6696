package org.oscar.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oscar.alert.TestIncidents;
import org.oscar.alert.config.ApiConfig;
import org.oscar.alert.http.AlertApiServer;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.alert.AlertKind;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.live.LiveKeys;
import org.oscar.testkit.FreePort;
import org.oscar.testkit.JvmProcess;
import org.oscar.testkit.RedisProcess;
import org.oscar.testkit.SmsGatewayServer;
import redis.clients.jedis.RedisClient;

/**
 * Alerts reach officials over real channels: an HTTP SMS gateway and an SMTP server (GreenMail),
 * both started by the test, with the API on a real Redis. One alert per official and level, however
 * the sending goes.
 */
class NotificationDeliveryIT {
  private static final String TOKEN = "it-token-0123456789abcdef";
  private static final String SMS_KEY = "sms-key-0123456789";
  private static final String RECEIPT_TOKEN = "receipt-token-0123456789";
  private static final String SHO = "SHO:Capital Police Station";
  private static final String SHO_PHONE = "+910000000101";

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(
          new ServerSetup(FreePort.pick(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static RedisProcess redis;
  private static RedisClient redisClient;
  private static Path officials;
  private final HttpClient http = HttpClient.newHttpClient();
  private SmsGatewayServer gateway;
  private Vertx vertx;
  private int apiPort;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = new RedisProcess();
    redis.start();
    redisClient = RedisClient.create(redis.host(), redis.port());
    officials = Files.createTempFile("officials", ".json");
    Files.writeString(
        officials,
        Json.toString(
            Map.of(
                SHO,
                Map.of(
                    "name", "Inspector A", "phone", SHO_PHONE, "email", "sho.capital@example.in"),
                "SP:Khordha",
                Map.of("name", "SP B", "phone", "+910000000201"))));
  }

  @AfterAll
  static void stopRedis() {
    redisClient.close();
    redis.close();
  }

  @BeforeEach
  void start() throws Exception {
    redisClient.flushAll();
    gateway = new SmsGatewayServer(SMS_KEY);
    gateway.reportDeliveryWith(RECEIPT_TOKEN);
    apiPort = FreePort.pick();
    startApi();
  }

  @AfterEach
  void stop() throws Exception {
    if (vertx != null) {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
    gateway.close();
  }

  @Test
  void anAlertReachesTheShoOnceBySmsAndByMailWithReceipts() throws Exception {
    IncidentView incident = incident("INC-SURV-1-1");
    for (int i = 0; i < 5; i++) {
      post(opened(incident)); // a job replay sends the same event again: still one alert
    }

    await().atMost(Duration.ofSeconds(20)).until(() -> SMTP.getReceivedMessages().length == 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> statuses("INC-SURV-1-1", "SMS").contains("DELIVERED"));
    assertThat(gateway.delivered())
        .singleElement()
        .satisfies(
            sms -> {
              assertThat(sms.to()).isEqualTo(SHO_PHONE);
              assertThat(sms.message())
                  .contains("INC-SURV-1-1", "Capital Police Station")
                  .doesNotContain("20.26");
            });
    MimeMessage mail = SMTP.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("sho.capital@example.in");
    assertThat(mail.getSubject()).isEqualTo("OSCAR OPENED: INC-SURV-1-1");
    assertThat(statuses("INC-SURV-1-1", "SMS")).containsExactly("QUEUED", "SENT", "DELIVERED");
    assertThat(statuses("INC-SURV-1-1", "EMAIL")).containsExactly("QUEUED", "SENT");
    Thread.sleep(1_000); // anything still to come would have come by now
    assertThat(gateway.requestKeys()).hasSize(1);
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aGatewayThatFailsTwiceThenWorksDeliversOnceWithEveryAttemptOnRecord() throws Exception {
    gateway.failNext(2, 503);

    post(opened(incident("INC-SURV-2-1")));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> statuses("INC-SURV-2-1", "SMS").contains("SENT"));
    assertThat(statuses("INC-SURV-2-1", "SMS"))
        .startsWith("QUEUED", "RETRYING", "RETRYING", "SENT");
    assertThat(gateway.requestKeys()).hasSize(3).containsOnly("INC-SURV-2-1:SHO:OPENED:SMS");
    assertThat(gateway.delivered()).hasSize(1);
  }

  @Test
  void aRefusedMessageAndAnOfficialWithoutContactAreFailuresOnRecordNotSilence() throws Exception {
    gateway.failNext(1, 400);

    post(
        AlertEvent.of(
            AlertKind.SERIOUS,
            "SERIOUS",
            List.of("SHO", "DM"),
            "injured",
            // A station neither the officials file nor any region bundle has a contact for.
            TestIncidents.open("INC-SURV-3-1", "Unlisted Police Station")));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> statuses("INC-SURV-3-1", "SMS").contains("FAILED"));
    JsonArray deliveries = deliveries("INC-SURV-3-1");
    assertThat(deliveries.stream().map(o -> (JsonObject) o))
        .anySatisfy(
            d -> {
              assertThat(d.getString("officialId")).isEqualTo("SHO:Unlisted Police Station");
              assertThat(d.getString("status")).isEqualTo("FAILED");
              assertThat(d.getString("detail")).isEqualTo("no contact on file for this post");
            });
    assertThat(statuses("INC-SURV-3-1", "SMS")).containsExactly("QUEUED", "FAILED");
    assertThat(gateway.delivered()).isEmpty();
  }

  @Test
  void anApiKilledMidDeliveryResendsAfterTheLeaseAndTheOfficialGetsOneSms() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    // The API as its own process, killed with SIGKILL while the gateway holds its request: it
    // never hears the answer and never records anything after sending.
    gateway.holdNext(Duration.ofSeconds(5));
    Process api =
        JvmProcess.start(
            "org.oscar.alert.AlertApiMain",
            apiEnvironment(),
            Files.createTempFile("alert-api", ".log"));
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(() -> deliveries("INC-NONE").isEmpty() && FreePort.isListening(apiPort));
      post(opened(incident("INC-SURV-5-1")));
      await().atMost(Duration.ofSeconds(10)).until(() -> gateway.requestKeys().size() == 1);
    } finally {
      api.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    startApi(); // the delivery is still leased: taken again once the lease ends, same key

    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> statuses("INC-SURV-5-1", "SMS").contains("SENT"));
    System.out.printf(
        "API killed mid-delivery: %d request(s) to the gateway, %d SMS delivered%n",
        gateway.requestKeys().size(), gateway.delivered().size());
    assertThat(gateway.requestKeys()).hasSize(2).containsOnly("INC-SURV-5-1:SHO:OPENED:SMS");
    assertThat(gateway.delivered()).hasSize(1);
    // The gateway's delivery report for the first request went to the dead process and is lost;
    // the repeat is not a new message to the gateway, so it reports nothing: SENT is the record.
    assertThat(statuses("INC-SURV-5-1", "SMS")).containsExactly("QUEUED", "SENT");
  }

  @Test
  void anApiStoppedMidDeliveryDoesNotAlertTheOfficialTwice() throws Exception {
    // The gateway takes the request, then holds its answer: the API dies before hearing back.
    gateway.holdNext(Duration.ofSeconds(3));
    post(opened(incident("INC-SURV-4-1")));
    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.requestKeys().size() == 1);
    vertx.close().await(10, TimeUnit.SECONDS);

    startApi(); // a new process: it finds the delivery leased, and takes it when the lease ends

    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> statuses("INC-SURV-4-1", "SMS").contains("SENT"));
    System.out.printf(
        "API stopped mid-delivery: %d request(s) to the gateway, %d SMS delivered%n",
        gateway.requestKeys().size(), gateway.delivered().size());
    assertThat(gateway.requestKeys()).containsOnly("INC-SURV-4-1:SHO:OPENED:SMS");
    assertThat(gateway.delivered()).hasSize(1);
    assertThat(statuses("INC-SURV-4-1", "SMS")).containsOnlyOnce("SENT");
  }

  private void startApi() throws Exception {
    vertx = Vertx.vertx();
    AlertApiServer.overRedis(vertx, ApiConfig.from(apiEnvironment()))
        .start()
        .await(10, TimeUnit.SECONDS);
  }

  private Map<String, String> apiEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("OSCAR_API_PORT", String.valueOf(apiPort));
    env.put("OSCAR_REDIS_PORT", String.valueOf(redis.port()));
    env.put("OSCAR_API_TOKEN", TOKEN);
    env.put("OSCAR_REGIONS_DIR", org.oscar.alert.TestRegionsDir.PATH);
    env.put("OSCAR_PUBLIC_URL", "http://127.0.0.1:" + apiPort);
    env.put("OSCAR_OFFICIALS_FILE", officials.toString());
    env.put("OSCAR_SMS_WEBHOOK_URL", gateway.url());
    env.put("OSCAR_SMS_API_KEY", SMS_KEY);
    env.put("OSCAR_SMS_RECEIPT_TOKEN", RECEIPT_TOKEN);
    env.put("OSCAR_SMTP_HOST", "127.0.0.1");
    env.put("OSCAR_SMTP_PORT", String.valueOf(SMTP.getSmtp().getPort()));
    env.put("OSCAR_DELIVERY_BACKOFF_MS", "100");
    env.put("OSCAR_DELIVERY_LEASE_MS", "11000");
    env.put("OSCAR_DELIVERY_POLL_MS", "100");
    return env;
  }

  private List<String> statuses(String incidentId, String channel) throws Exception {
    return deliveries(incidentId).stream()
        .map(o -> (JsonObject) o)
        .filter(d -> d.getString("channel").equals(channel))
        .map(d -> d.getString("status"))
        .toList();
  }

  private JsonArray deliveries(String incidentId) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/v1/incidents/" + incidentId))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200
        ? new JsonObject(r.body()).getJsonArray("deliveries")
        : new JsonArray();
  }

  private void post(AlertEvent event) throws Exception {
    redisClient.set(
        LiveKeys.incident(event.incident().incidentId()), Json.toString(event.incident()));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/v1/events/alert"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.toString(event)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(202);
  }

  private String base() {
    return "http://127.0.0.1:" + apiPort;
  }

  private static AlertEvent opened(IncidentView incident) {
    return AlertEvent.of(AlertKind.OPENED, "OPENED", List.of("SHO"), "incident opened", incident);
  }

  private static IncidentView incident(String id) {
    return TestIncidents.open(id, "Capital Police Station");
  }
}

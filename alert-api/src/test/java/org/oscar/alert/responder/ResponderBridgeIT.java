package org.oscar.alert.responder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oscar.alert.config.ApiConfig;
import org.oscar.alert.http.AlertApiServer;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.gateway.broker.DynamicSecurityAdmin;
import org.oscar.gateway.provision.Provisioner;
import org.oscar.gateway.registry.DeviceRegistry;
import org.oscar.testkit.MosquittoProcess;
import org.oscar.testkit.RedisProcess;

/**
 * The responder page's bridge on a real Mosquitto that authenticates every client (dynamic
 * security, devices provisioned as the local run does): a unit through the bridge may do exactly
 * what its own credentials and access list allow on a direct connection, and no more.
 */
class ResponderBridgeIT {
  private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
  private static final int LIMIT = 3;

  private static MosquittoProcess mosquitto;
  private static RedisProcess redis;
  private static DynamicSecurityAdmin admin;
  private static Vertx vertx;
  private static AlertApiServer api;
  private static int port;
  private static String unitSecret;
  private static String pipelineSecret;
  private static String survivorSecret;
  private static final List<String> MORE_UNITS = List.of("PCR-WEB-2", "PCR-WEB-3", "PCR-WEB-4");
  private static final Map<String, String> MORE_SECRETS = new java.util.HashMap<>();
  private static MqttClient pipeline;
  private static final List<String> HEARD = new CopyOnWriteArrayList<>();
  private final List<MqttClient> opened = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    mosquitto = MosquittoProcess.withDynamicSecurity("oscar-admin", ADMIN_PASSWORD);
    mosquitto.start();
    redis = new RedisProcess();
    redis.start();
    admin = new DynamicSecurityAdmin(mosquitto.url(), "oscar-admin", ADMIN_PASSWORD);
    Provisioner provisioner =
        new Provisioner(DeviceRegistry.connect(redis.host(), redis.port(), null), admin);
    unitSecret = provisioner.add("PCR-WEB-1", DeviceKind.POLICE, "khordha", null, null);
    provisioner.add("PCR-OTHER-1", DeviceKind.POLICE, "khordha", null, null);
    for (String u : MORE_UNITS) {
      MORE_SECRETS.put(u, provisioner.add(u, DeviceKind.POLICE, "khordha", null, null));
    }
    survivorSecret = provisioner.add("SURV-WEB-1", DeviceKind.PANIC, "khordha", null, null);
    pipelineSecret = provisioner.addPipeline("oscar-pipeline");
    String controlRoomSecret = provisioner.addControlRoom("oscar-control-room");

    pipeline = new MqttClient(mosquitto.url(), "it-pipeline", new MemoryPersistence());
    pipeline.connect(options("oscar-pipeline", pipelineSecret));
    pipeline.subscribe(
        "oscar/v1/#",
        1,
        (t, m) -> HEARD.add(t + " " + new String(m.getPayload(), StandardCharsets.UTF_8)));

    vertx = Vertx.vertx();
    api =
        AlertApiServer.overRedis(
            vertx,
            ApiConfig.from(
                Map.of(
                    "OSCAR_API_PORT",
                    "0",
                    "OSCAR_REDIS_PORT",
                    String.valueOf(redis.port()),
                    "OSCAR_API_TOKEN",
                    "service-token-" + UUID.randomUUID(),
                    "OSCAR_REGIONS_DIR",
                    org.oscar.alert.TestRegionsDir.PATH,
                    "OSCAR_MQTT_URL",
                    mosquitto.url(),
                    "OSCAR_MQTT_USER",
                    "oscar-control-room",
                    "OSCAR_MQTT_PASSWORD",
                    controlRoomSecret,
                    "OSCAR_RESPONDER_BRIDGE_LIMIT",
                    String.valueOf(LIMIT))));
    port = api.start().await(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    pipeline.disconnect();
    api.stop().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
    admin.close();
    mosquitto.close();
    redis.close();
  }

  @AfterEach
  void closeClients() throws Exception {
    for (MqttClient c : opened) {
      if (c.isConnected()) {
        c.disconnect();
      }
      c.close();
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> metrics().contains("oscar_responder_bridge_open 0.0"));
  }

  @Test
  void aUnitThroughTheBridgePublishesUnderItsOwnPrefixAndReceivesItsOwnTasks() throws Exception {
    List<String> tasks = new CopyOnWriteArrayList<>();
    MqttClient page = bridged("PCR-WEB-1", unitSecret);
    page.subscribe(
        "oscar/v1/unit/PCR-WEB-1/task",
        1,
        (t, m) -> tasks.add(new String(m.getPayload(), StandardCharsets.UTF_8)));

    page.publish("oscar/v1/unit/PCR-WEB-1/status", status(1, "AVAILABLE"), 1, false);
    pipeline.publish(
        "oscar/v1/unit/PCR-WEB-1/task", "{\"assignmentId\":\"A-1\"}".getBytes(), 1, false);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(HEARD).anyMatch(h -> h.startsWith("oscar/v1/unit/PCR-WEB-1/status "));
              assertThat(tasks).containsExactly("{\"assignmentId\":\"A-1\"}");
            });
    assertThat(metrics()).containsPattern("oscar_responder_bridge_connections_total \\d");
  }

  @Test
  void theBrokerStillRefusesAUnitWhatItsAccessListDoesNotAllow() throws Exception {
    MqttClient page = bridged("PCR-WEB-1", unitSecret);

    // Another unit's topics: the publish is dropped by the broker, the subscription refused.
    page.publish("oscar/v1/unit/PCR-OTHER-1/status", status(2, "OFF_DUTY"), 1, false);
    page.publish("oscar/v1/unit/PCR-WEB-1/status", status(3, "AVAILABLE"), 1, false);
    assertThat(grantedQos(page, "oscar/v1/unit/PCR-OTHER-1/task")).isEqualTo(128);
    assertThat(grantedQos(page, "oscar/v1/#")).isEqualTo(128);

    // Its own status, sent after on the same connection, arrives: the other was not just late.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> HEARD.stream().anyMatch(h -> h.contains("\"seq\":3")));
    assertThat(HEARD).noneMatch(h -> h.startsWith("oscar/v1/unit/PCR-OTHER-1/"));
  }

  @Test
  void aWrongSecretIsRefusedByTheBrokerThroughTheBridge() {
    assertThatThrownBy(() -> bridged("PCR-WEB-1", "not-the-secret"))
        .isInstanceOfSatisfying(
            MqttException.class,
            e ->
                assertThat(e.getReasonCode())
                    .isIn(
                        (int) MqttException.REASON_CODE_FAILED_AUTHENTICATION,
                        (int) MqttException.REASON_CODE_NOT_AUTHORIZED));
  }

  @Test
  void onlyAResponderUnitsLoginPassesNotAServiceAccountNorAPanicDevice() throws Exception {
    // The broker's listener is private and also serves the pipeline: its own secret, right as it
    // is, does not get through the public bridge.
    assertThatThrownBy(() -> bridged("oscar-pipeline", pipelineSecret, "web-oscar-pipeline"))
        .isInstanceOf(MqttException.class);
    assertThatThrownBy(() -> bridged("SURV-WEB-1", survivorSecret, "web-SURV-WEB-1"))
        .isInstanceOf(MqttException.class);
    // Nor may a unit take another client's session.
    assertThatThrownBy(() -> bridged("PCR-WEB-1", unitSecret, "oscar-pipeline-events"))
        .isInstanceOf(MqttException.class);

    assertThat(metrics())
        .containsPattern("oscar_responder_bridge_rejected_total\\{reason=\"not_a_unit\"\\} 2\\.0")
        .containsPattern("oscar_responder_bridge_rejected_total\\{reason=\"client_id\"\\} 1\\.0");
    assertThat(HEARD).noneMatch(h -> h.contains("SURV-WEB-1"));
  }

  @Test
  void aPageOverTheLimitIsRefusedAndCountedWhileTheOthersGoOn() throws Exception {
    for (int i = 0; i < LIMIT; i++) {
      String unit = MORE_UNITS.get(i);
      bridged(unit, MORE_SECRETS.get(unit));
    }
    assertThatThrownBy(() -> bridged("PCR-WEB-1", unitSecret)).isInstanceOf(MqttException.class);

    assertThat(metrics())
        .contains("oscar_responder_bridge_rejected_total{reason=\"over_limit\"} 1.0")
        .contains("oscar_responder_bridge_open " + LIMIT + ".0");
    opened.get(0).publish("oscar/v1/unit/PCR-WEB-2/status", status(4, "AVAILABLE"), 1, false);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> HEARD.stream().anyMatch(h -> h.contains("\"seq\":4")));
  }

  private MqttClient bridged(String unit, String secret) throws MqttException {
    return bridged(unit, secret, "web-" + unit);
  }

  private MqttClient bridged(String unit, String secret, String clientId) throws MqttException {
    MqttClient c =
        new MqttClient("ws://127.0.0.1:" + port + "/mqtt", clientId, new MemoryPersistence());
    opened.add(c);
    c.connect(options(unit, secret));
    return c;
  }

  private static int grantedQos(MqttClient c, String filter) throws MqttException {
    try {
      return c.subscribeWithResponse(filter, 1).getGrantedQos()[0];
    } catch (MqttException e) {
      // Paho reports a refused subscription (0x80) by throwing it.
      if (e.getReasonCode() == 128) {
        return 128;
      }
      throw e;
    }
  }

  private static MqttConnectOptions options(String user, String password) {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setUserName(user);
    o.setPassword(password.toCharArray());
    o.setConnectionTimeout(10);
    // As the page does; Paho's default would try MQTT 3.1 again after any refusal.
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    return o;
  }

  private static byte[] status(long seq, String status) {
    return ("{\"seq\":"
            + seq
            + ",\"ts\":"
            + System.currentTimeMillis()
            + ",\"status\":\""
            + status
            + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String metrics() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}

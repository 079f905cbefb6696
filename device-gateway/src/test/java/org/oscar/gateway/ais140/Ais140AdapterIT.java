package org.oscar.gateway.ais140;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oscar.contract.codec.Json;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.live.UnregisteredEmergencyView;
import org.oscar.contract.mqtt.MqttPublisher;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.SosPayload;
import org.oscar.gateway.broker.BrokerClients;
import org.oscar.gateway.broker.DynamicSecurityAdmin;
import org.oscar.gateway.provision.Provisioner;
import org.oscar.gateway.registry.DeviceRegistry;
import org.oscar.testkit.MosquittoProcess;
import org.oscar.testkit.RedisProcess;
import redis.clients.jedis.RedisClient;

/**
 * The AIS-140 adapter between a real TCP socket, a real Redis registry and a real Mosquitto with
 * authentication: what a tracker sends arrives on the contract topics as its registered device.
 */
class Ais140AdapterIT {
  private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
  private static final String SURVIVOR_IMEI = "861850060252398";
  private static final String UNIT_IMEI = "861850060252399";
  private static MosquittoProcess mosquitto;
  private static RedisProcess redis;
  private static DynamicSecurityAdmin admin;
  private static Provisioner provisioner;
  private static MqttPublisher publisher;
  private static Ais140Server server;
  private static int tcpPort;
  private static int metricsPort;
  private static MqttClient pipeline;
  private static String gatewaySecret;
  private static final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    mosquitto = MosquittoProcess.withDynamicSecurity("oscar-admin", ADMIN_PASSWORD);
    mosquitto.start();
    redis = new RedisProcess();
    redis.start();
    admin = new DynamicSecurityAdmin(mosquitto.url(), "oscar-admin", ADMIN_PASSWORD);
    DeviceRegistry registry = new DeviceRegistry(RedisClient.create(redis.host(), redis.port()));
    provisioner = new Provisioner(registry, admin);
    provisioner.add("SURV-AIS", DeviceKind.PANIC, "bbsr", "2468", "1357");
    provisioner.bindImei("SURV-AIS", SURVIVOR_IMEI);
    provisioner.add("PCR-AIS", DeviceKind.POLICE, "bbsr", null, null);
    provisioner.bindImei("PCR-AIS", UNIT_IMEI);
    gatewaySecret = provisioner.addAis140Gateway("oscar-ais140");
    pipeline =
        BrokerClients.connect(
            mosquitto.url(), "oscar-pipeline", provisioner.addPipeline("oscar-pipeline"));
    pipeline.subscribe(
        "oscar/v1/#",
        1,
        (t, m) -> seen.add(t + " " + new String(m.getPayload(), StandardCharsets.UTF_8)));

    publisher =
        new MqttPublisher(mosquitto.url(), "oscar-ais140-it", "oscar-ais140", gatewaySecret);
    server =
        new Ais140Server(
            registry::findByImei,
            registry.unregisteredEmergencies("bbsr"),
            ContractPublisher.over(publisher),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            2);
    tcpPort = server.start("127.0.0.1", 0);
    metricsPort = server.startMetrics("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    publisher.close();
    pipeline.disconnect();
    admin.close();
    mosquitto.close();
    redis.close();
  }

  @Test
  void turnsAnEmergencyFrameIntoTheDevicesPressAndKeepsTheConnectionThroughGarbage()
      throws Exception {
    try (Socket tracker = new Socket("127.0.0.1", tcpPort)) {
      OutputStream out = tracker.getOutputStream();
      out.write(new byte[] {0, 1, 2, (byte) 0xff, '\n'});
      out.write("$EPB,EMR,broken\r\n".getBytes(StandardCharsets.UTF_8));
      send(out, Ais140Frames.emergency().build());
      send(
          out,
          Ais140Frames.emergency().time("29112026204530").at("20.3", "N", "85.83", "E").build());

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> messagesOn("oscar/v1/dev/SURV-AIS/sos").size() == 2);
    }
    SosPayload first =
        Json.fromString(messagesOn("oscar/v1/dev/SURV-AIS/sos").get(0), SosPayload.class);
    assertThat(first.lat()).isEqualTo(20.2961);
    assertThat(first.lon()).isEqualTo(85.8245);
    assertThat(messagesOn("oscar/v1/dev/SURV-AIS/online")).contains("{\"online\":true}");
    assertThat(server.metrics().count(FrameOutcome.NOT_A_FRAME)).isEqualTo(1);
    assertThat(server.metrics().count(FrameOutcome.BAD_FIELD)).isEqualTo(1);
    assertThat(scrape())
        .contains("oscar_ais140_frames_total{outcome=\"not_a_frame\",rejected=\"true\"} 1.0");
  }

  @Test
  void aVehicleTrackerIsOnlineWhileConnectedAndReportsAsItsUnit() throws Exception {
    Socket tracker = new Socket("127.0.0.1", tcpPort);
    send(tracker.getOutputStream(), Ais140Frames.location(UNIT_IMEI, "1", "20.2700", "85.8400"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> messagesOn("oscar/v1/unit/PCR-AIS/pos").size() == 1);
    assertThat(messagesOn("oscar/v1/unit/PCR-AIS/online")).containsExactly("{\"online\":true}");

    tracker.close();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> messagesOn("oscar/v1/unit/PCR-AIS/online").contains("{\"online\":false}"));
  }

  @Test
  void anImeiNobodyBoundGetsNothingPublishedButItsEmergencyIsShownToTheControlRoom()
      throws Exception {
    try (Socket stranger = new Socket("127.0.0.1", tcpPort)) {
      send(stranger.getOutputStream(), Ais140Frames.emergency().imei("123456789012345").build());
      send(
          stranger.getOutputStream(),
          Ais140Frames.location("123456789012345", "1", "20.2700", "85.8400"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  server.metrics().count(FrameOutcome.UNREGISTERED_EMERGENCY) == 1
                      && server.metrics().count(FrameOutcome.UNKNOWN_DEVICE) == 1);
    }
    assertThat(seen).noneMatch(m -> m.contains("123456789012345"));
    try (RedisClient redisClient = RedisClient.create(redis.host(), redis.port())) {
      UnregisteredEmergencyView shown =
          Json.fromString(
              redisClient.get(LiveKeys.unregisteredEmergency("bbsr", "123456789012345")),
              UnregisteredEmergencyView.class);
      assertThat(shown.lat()).isEqualTo(20.2961);
      assertThat(shown.frames()).isEqualTo(1);
      assertThat(redisClient.smembers(LiveKeys.unregisteredEmergencies("bbsr")))
          .contains("123456789012345");
      assertThat(redisClient.ttl(LiveKeys.unregisteredEmergency("bbsr", "123456789012345")))
          .isBetween(1L, 3600L);
    }
  }

  @Test
  void theAdaptersOwnCredentialsCannotCancelOrReadDownlinks() throws Exception {
    MqttClient gateway = BrokerClients.connect(mosquitto.url(), "oscar-ais140", gatewaySecret);
    gateway.publish(
        "oscar/v1/dev/SURV-AIS/cancel",
        "{\"seq\":1,\"ts\":1,\"pin\":\"0000\"}".getBytes(StandardCharsets.UTF_8),
        1,
        false);
    gateway.publish(
        "oscar/v1/dev/SURV-AIS/pos",
        "{\"marker\":\"allowed\"}".getBytes(StandardCharsets.UTF_8),
        1,
        false);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !messagesOn("oscar/v1/dev/SURV-AIS/pos").isEmpty());
    assertThat(messagesOn("oscar/v1/dev/SURV-AIS/cancel")).isEmpty();
    assertThat(BrokerClients.grantedQos(gateway, "oscar/v1/unit/PCR-AIS/task")).isEqualTo(128);
    gateway.disconnect();
  }

  private static void send(OutputStream out, String frame) throws Exception {
    out.write((frame + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static List<String> messagesOn(String topic) {
    return seen.stream()
        .filter(m -> m.startsWith(topic + " "))
        .map(m -> m.substring(topic.length() + 1))
        .toList();
  }

  private static String scrape() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}

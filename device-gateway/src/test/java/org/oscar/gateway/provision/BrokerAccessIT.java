package org.oscar.gateway.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.contract.security.PinHash;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.gateway.broker.BrokerClients;
import org.oscar.gateway.broker.DynamicSecurityAdmin;
import org.oscar.gateway.registry.DeviceRegistry;
import org.oscar.testkit.MosquittoProcess;
import org.oscar.testkit.RedisProcess;
import redis.clients.jedis.RedisClient;

/**
 * Device credentials and access lists on a real Mosquitto with the dynamic-security plugin, driven
 * by the provisioner: what the contract promises about who may publish and read where.
 */
class BrokerAccessIT {
  private static final String ADMIN = "oscar-admin";
  private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
  private static MosquittoProcess mosquitto;
  private static RedisProcess redis;
  private static RedisClient redisClient;
  private static DynamicSecurityAdmin admin;
  private static Provisioner provisioner;
  private static String pipelineSecret;

  @BeforeAll
  static void start() throws Exception {
    mosquitto = MosquittoProcess.withDynamicSecurity(ADMIN, ADMIN_PASSWORD);
    mosquitto.start();
    redis = new RedisProcess();
    redis.start();
    redisClient = RedisClient.create(redis.host(), redis.port());
    admin = new DynamicSecurityAdmin(mosquitto.url(), ADMIN, ADMIN_PASSWORD);
    provisioner =
        new Provisioner(new DeviceRegistry(RedisClient.create(redis.host(), redis.port())), admin);
    pipelineSecret = provisioner.addPipeline("oscar-pipeline");
  }

  @AfterAll
  static void stop() throws Exception {
    admin.close();
    redisClient.close();
    mosquitto.close();
    redis.close();
  }

  @Test
  void aDeviceConnectsWithItsSecretAndNotWithAWrongOne() throws Exception {
    String secret = provisioner.add("SURV-A", DeviceKind.PANIC, "bbsr", null, null);

    BrokerClients.connect(mosquitto.url(), "SURV-A", secret).disconnect();
    assertThatThrownBy(() -> BrokerClients.connect(mosquitto.url(), "SURV-A", "not-the-secret"))
        .isInstanceOf(MqttException.class)
        .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isIn(4, 5));
    assertThatThrownBy(() -> BrokerClients.connect(mosquitto.url(), "NOBODY", "whatever"))
        .isInstanceOf(MqttException.class);
  }

  @Test
  void aDeviceCanPublishUnderItsOwnPrefixOnlyAndThePipelineSeesIt() throws Exception {
    String secret = provisioner.add("SURV-B", DeviceKind.PANIC, "bbsr", null, null);
    provisioner.add("SURV-VICTIM", DeviceKind.PANIC, "bbsr", null, null);
    List<String> seen = new CopyOnWriteArrayList<>();
    MqttClient pipeline = BrokerClients.connect(mosquitto.url(), "oscar-pipeline", pipelineSecret);
    pipeline.subscribe("oscar/v1/#", 1, (t, m) -> seen.add(t + " " + text(m)));
    MqttClient device = BrokerClients.connect(mosquitto.url(), "SURV-B", secret);

    publish(device, "oscar/v1/dev/SURV-VICTIM/sos", "spoofed");
    publish(device, "oscar/v1/unit/SURV-B/pos", "wrong family");
    publish(device, "oscar/v1/dev/SURV-B/sos", "own");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> seen.contains("oscar/v1/dev/SURV-B/sos own"));
    Thread.sleep(300); // the refused ones would have been delivered before the allowed one
    assertThat(seen).containsExactly("oscar/v1/dev/SURV-B/sos own");
    device.disconnect();
    pipeline.disconnect();
  }

  @Test
  void thePipelineMayShareItsUplinkAmongReadersAndADeviceMayNotJoinTheShare() throws Exception {
    String secret = provisioner.add("PCR-S", DeviceKind.POLICE, "bbsr", null, null);
    // Provisioned again, as an upgrade does: its role is brought up to date, its secret renewed.
    pipelineSecret = provisioner.addPipeline("oscar-pipeline");
    MqttClient reader = BrokerClients.connect(mosquitto.url(), "oscar-pipeline", pipelineSecret);
    MqttClient unit = BrokerClients.connect(mosquitto.url(), "PCR-S", secret);

    assertThat(BrokerClients.grantedQos(reader, "$share/oscar-pipeline/oscar/v1/unit/+/pos"))
        .isEqualTo(1);
    assertThat(BrokerClients.grantedQos(unit, "$share/oscar-pipeline/oscar/v1/unit/+/pos"))
        .isEqualTo(128);
    reader.disconnect();
    unit.disconnect();
  }

  @Test
  void aDeviceCannotReadAnotherDevicesDownlink() throws Exception {
    String secret = provisioner.add("PCR-C", DeviceKind.POLICE, "bbsr", null, null);
    provisioner.add("PCR-OTHER", DeviceKind.POLICE, "bbsr", null, null);
    MqttClient unit = BrokerClients.connect(mosquitto.url(), "PCR-C", secret);

    assertThat(BrokerClients.grantedQos(unit, "oscar/v1/unit/PCR-C/task")).isEqualTo(1);
    assertThat(BrokerClients.grantedQos(unit, "oscar/v1/unit/PCR-OTHER/task")).isEqualTo(128);
    assertThat(BrokerClients.grantedQos(unit, "oscar/v1/#")).isEqualTo(128);
    unit.disconnect();
  }

  @Test
  void aRevokedDeviceIsCutOffAtOnceAndCannotComeBack() throws Exception {
    String secret = provisioner.add("SURV-D", DeviceKind.PANIC, "bbsr", null, null);
    MqttClient device = BrokerClients.connect(mosquitto.url(), "SURV-D", secret);

    provisioner.revoke("SURV-D");

    await().atMost(Duration.ofSeconds(10)).until(() -> !device.isConnected());
    assertThatThrownBy(() -> BrokerClients.connect(mosquitto.url(), "SURV-D", secret))
        .isInstanceOf(MqttException.class);
    assertThat(redisClient.hget(LiveKeys.device("SURV-D"), "status")).isEqualTo("REVOKED");
    device.close();
  }

  @Test
  void rotationReplacesTheSecret() throws Exception {
    String old = provisioner.add("AMB-E", DeviceKind.AMBULANCE, "bbsr", null, null);

    String fresh = provisioner.rotate("AMB-E");

    assertThat(fresh).isNotEqualTo(old);
    BrokerClients.connect(mosquitto.url(), "AMB-E", fresh).disconnect();
    assertThatThrownBy(() -> BrokerClients.connect(mosquitto.url(), "AMB-E", old))
        .isInstanceOf(MqttException.class);
  }

  @Test
  void theRegistryKeepsPinsOnlyAsHashesAndNeverTheSecret() throws Exception {
    String secret = provisioner.add("SURV-F", DeviceKind.PANIC, "bbsr", "2468", "1357");

    var stored = redisClient.hgetAll(LiveKeys.device("SURV-F"));
    assertThat(stored.values())
        .noneMatch(v -> v.contains(secret) || v.equals("2468") || v.equals("1357"));
    assertThat(PinHash.matches("2468", stored.get("cancelPinHash"))).isTrue();
    assertThat(PinHash.matches("1357", stored.get("duressPinHash"))).isTrue();
    assertThatThrownBy(() -> provisioner.add("SURV-F", DeviceKind.PANIC, "bbsr", null, null))
        .hasMessageContaining("exists");
  }

  @Test
  void aCallBackNumberIsKeptForAPanicDeviceOnlyAndCanBeRemoved() throws Exception {
    provisioner.add("SURV-CALL", DeviceKind.PANIC, "bbsr", "2468", "1357");
    provisioner.add("PCR-CALL", DeviceKind.POLICE, "bbsr", null, null);

    provisioner.setCallBack("SURV-CALL", "+919000000002");

    assertThat(redisClient.hget(LiveKeys.device("SURV-CALL"), DeviceRecord.CALL_BACK_FIELD))
        .isEqualTo("+919000000002");
    assertThatThrownBy(() -> provisioner.setCallBack("PCR-CALL", "+919000000003"))
        .hasMessageContaining("panic device");
    assertThatThrownBy(() -> provisioner.setCallBack("SURV-CALL", "call me"))
        .hasMessageContaining("phone number");
    provisioner.setCallBack("SURV-CALL", null);
    assertThat(redisClient.hget(LiveKeys.device("SURV-CALL"), DeviceRecord.CALL_BACK_FIELD))
        .isNull();
  }

  private static void publish(MqttClient c, String topic, String text) throws MqttException {
    MqttMessage m = new MqttMessage(text.getBytes(StandardCharsets.UTF_8));
    m.setQos(1);
    c.publish(topic, m);
  }

  private static String text(MqttMessage m) {
    return new String(m.getPayload(), StandardCharsets.UTF_8);
  }
}

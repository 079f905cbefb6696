package org.oscar.stream.job;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.oscar.contract.codec.Json;
import org.oscar.contract.wire.NoticeMessage;
import org.oscar.contract.wire.TaskAction;
import org.oscar.contract.wire.TaskMessage;

/** Speaks the device contract for tests: units and survivors over a real MQTT client. */
final class Devices {
  private final MqttTestClient mqtt;
  private final AtomicLong seq = new AtomicLong();

  Devices(MqttTestClient mqtt) {
    this.mqtt = mqtt;
  }

  void unitStatus(String unit, String status) throws MqttException {
    mqtt.publish(
        "oscar/v1/unit/" + unit + "/status",
        "{\"seq\":%d,\"ts\":%d,\"status\":\"%s\"}".formatted(seq.incrementAndGet(), now(), status));
  }

  void unitAt(String unit, double lat, double lon) throws MqttException {
    mqtt.publish("oscar/v1/unit/" + unit + "/pos", position(lat, lon));
  }

  /** A position with the heading its terminal reports. */
  void unitAt(String unit, double lat, double lon, int headingDeg) throws MqttException {
    mqtt.publish(
        "oscar/v1/unit/" + unit + "/pos",
        "{\"seq\":%d,\"ts\":%d,\"lat\":%s,\"lon\":%s,\"headingDeg\":%d}"
            .formatted(seq.incrementAndGet(), now(), lat, lon, headingDeg));
  }

  void ack(String unit, String assignmentId, boolean accept) throws MqttException {
    mqtt.publish(
        "oscar/v1/unit/" + unit + "/ack",
        "{\"seq\":%d,\"ts\":%d,\"assignmentId\":\"%s\",\"accept\":%b}"
            .formatted(seq.incrementAndGet(), now(), assignmentId, accept));
  }

  void press(String device, double lat, double lon, boolean injured) throws MqttException {
    mqtt.publish(
        "oscar/v1/dev/" + device + "/sos",
        "{\"seq\":%d,\"ts\":%d,\"lat\":%s,\"lon\":%s,\"injured\":%b}"
            .formatted(seq.incrementAndGet(), now(), lat, lon, injured));
  }

  /** A press with no position in it, as a phone or wearable sends one before its first fix. */
  void pressWithoutFix(String device) throws MqttException {
    mqtt.publish(
        "oscar/v1/dev/" + device + "/sos",
        "{\"seq\":%d,\"ts\":%d,\"fix\":false}".formatted(seq.incrementAndGet(), now()));
  }

  void survivorAt(String device, double lat, double lon) throws MqttException {
    mqtt.publish("oscar/v1/dev/" + device + "/pos", position(lat, lon));
  }

  void cancel(String device, String pin) throws MqttException {
    mqtt.publish(
        "oscar/v1/dev/" + device + "/cancel",
        "{\"seq\":%d,\"ts\":%d,\"pin\":\"%s\"}".formatted(seq.incrementAndGet(), now(), pin));
  }

  List<TaskMessage> tasks(String unit) {
    return mqtt.receivedOn("oscar/v1/unit/" + unit + "/task").stream()
        .map(r -> Json.fromString(r.payload(), TaskMessage.class))
        .toList();
  }

  /** The first assignment a unit received, waiting up to 30 s for it. */
  TaskMessage firstAssignment(String unit) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> !tasks(unit, TaskAction.ASSIGN).isEmpty());
    return tasks(unit, TaskAction.ASSIGN).get(0);
  }

  List<TaskMessage> tasks(String unit, TaskAction action) {
    return tasks(unit).stream().filter(t -> t.action() == action).toList();
  }

  List<NoticeMessage> notices(String device) {
    return mqtt.receivedOn("oscar/v1/dev/" + device + "/notice").stream()
        .map(r -> Json.fromString(r.payload(), NoticeMessage.class))
        .toList();
  }

  private String position(double lat, double lon) {
    return "{\"seq\":%d,\"ts\":%d,\"lat\":%s,\"lon\":%s}"
        .formatted(seq.incrementAndGet(), now(), lat, lon);
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}

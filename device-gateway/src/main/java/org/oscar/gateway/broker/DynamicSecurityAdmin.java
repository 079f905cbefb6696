package org.oscar.gateway.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.oscar.contract.codec.Json;

/**
 * Drives Mosquitto's dynamic-security plugin through its control topic, so that credentials and
 * access lists change on the running broker: no restart, and a disabled client is cut off at once.
 * One command at a time; each waits for the broker's answer and fails loudly on an error.
 */
public final class DynamicSecurityAdmin implements AutoCloseable {
  private static final String CONTROL = "$CONTROL/dynamic-security/v1";
  private static final String RESPONSE = CONTROL + "/response";

  private final MqttClient client;
  private final BlockingQueue<JsonNode> responses = new ArrayBlockingQueue<>(16);

  public DynamicSecurityAdmin(String brokerUrl, String adminUser, String adminPassword)
      throws MqttException {
    client =
        new MqttClient(brokerUrl, "oscar-dynsec-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(true);
    o.setUserName(adminUser);
    o.setPassword(adminPassword.toCharArray());
    client.connect(o);
    client.subscribe(
        RESPONSE,
        1,
        (topic, m) -> {
          JsonNode body = Json.mapper().readTree(m.getPayload());
          for (JsonNode r : body.path("responses")) {
            responses.offer(r);
          }
        });
  }

  public void createClient(String username, String password) throws MqttException {
    run(command("createClient").put("username", username).put("password", password));
  }

  public void setClientPassword(String username, String password) throws MqttException {
    run(command("setClientPassword").put("username", username).put("password", password));
  }

  public void disableClient(String username) throws MqttException {
    run(command("disableClient").put("username", username));
  }

  /**
   * Creates a role with its access list. A role left by an earlier, interrupted provisioning is
   * replaced, so provisioning can simply be run again.
   */
  public void createRole(String role, List<AclRule> acls) throws MqttException {
    ObjectNode c = command("createRole").put("rolename", role);
    ArrayNode list = c.putArray("acls");
    for (AclRule a : acls) {
      list.addObject().put("acltype", a.aclType()).put("topic", a.topic()).put("allow", a.allow());
    }
    JsonNode r = send(c);
    if (r.has("error")) {
      deleteRole(role);
      run(c);
    }
  }

  public void deleteRole(String role) throws MqttException {
    run(command("deleteRole").put("rolename", role));
  }

  public void addClientRole(String username, String role) throws MqttException {
    run(command("addClientRole").put("username", username).put("rolename", role));
  }

  /** True if the broker knows the client (used to make provisioning re-runnable). */
  public boolean clientExists(String username) throws MqttException {
    JsonNode r = send(command("getClient").put("username", username));
    return !r.has("error");
  }

  private static ObjectNode command(String name) {
    return Json.mapper().createObjectNode().put("command", name);
  }

  private void run(ObjectNode command) throws MqttException {
    JsonNode r = send(command);
    if (r.has("error")) {
      throw new IllegalStateException(
          "broker refused " + command.get("command").asText() + ": " + r.get("error").asText());
    }
  }

  private synchronized JsonNode send(ObjectNode command) throws MqttException {
    responses.clear();
    ObjectNode envelope = Json.mapper().createObjectNode();
    envelope.putArray("commands").add(command);
    MqttMessage m = new MqttMessage(Json.toBytes(envelope));
    m.setQos(1);
    client.publish(CONTROL, m);
    try {
      JsonNode r = responses.poll(10, TimeUnit.SECONDS);
      if (r == null) {
        throw new IllegalStateException(
            "no answer from the broker's dynamic-security plugin to "
                + command.get("command").asText()
                + " (is the plugin loaded?)");
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the broker", e);
    }
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}

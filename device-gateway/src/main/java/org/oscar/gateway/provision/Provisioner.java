package org.oscar.gateway.provision;

import java.util.List;
import java.util.Optional;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.contract.registry.DeviceRecord.DeviceStatus;
import org.oscar.contract.security.PinHash;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.Topics;
import org.oscar.gateway.broker.AccessPolicy;
import org.oscar.gateway.broker.AclRule;
import org.oscar.gateway.broker.DynamicSecurityAdmin;
import org.oscar.gateway.registry.DeviceRegistry;

/**
 * Adds, rotates and revokes devices: the registry (what a device is) and the broker (who may
 * connect and where it may publish) change together. A new or rotated secret is returned once and
 * kept nowhere by OSCAR; PINs are hashed before they are stored.
 */
public final class Provisioner {
  private final DeviceRegistry registry;
  private final DynamicSecurityAdmin broker;

  public Provisioner(DeviceRegistry registry, DynamicSecurityAdmin broker) {
    this.registry = registry;
    this.broker = broker;
  }

  /** Registers a device and gives it broker credentials; returns its secret. */
  public String add(String id, DeviceKind kind, String region, String cancelPin, String duressPin)
      throws MqttException {
    if (!Topics.isValidId(id)) {
      throw new IllegalArgumentException("device id must be 1-64 of A-Za-z0-9_- : " + id);
    }
    if (registry.find(id).isPresent() || broker.clientExists(id)) {
      throw new IllegalArgumentException("device " + id + " exists; rotate or revoke it instead");
    }
    if (kind != DeviceKind.PANIC && (cancelPin != null || duressPin != null)) {
      throw new IllegalArgumentException("only panic devices have PINs");
    }
    if (cancelPin != null && cancelPin.equals(duressPin)) {
      throw new IllegalArgumentException("the cancel and duress PINs must differ");
    }
    String secret = Secrets.newSecret();
    broker.createRole(AccessPolicy.roleOf(id), AccessPolicy.forDevice(kind, id));
    broker.createClient(id, secret);
    broker.addClientRole(id, AccessPolicy.roleOf(id));
    registry.put(
        new DeviceRecord(
            id,
            kind,
            region,
            DeviceStatus.ACTIVE,
            System.currentTimeMillis(),
            cancelPin == null ? null : PinHash.hash(cancelPin, Secrets.random()),
            duressPin == null ? null : PinHash.hash(duressPin, Secrets.random())));
    return secret;
  }

  /** Gives the pipeline its own broker client; returns the secret. */
  public String addPipeline(String username) throws MqttException {
    return addService(username, AccessPolicy.PIPELINE_ROLE, AccessPolicy.forPipeline());
  }

  /** Gives the AIS-140 adapter its own broker client; returns the secret. */
  public String addAis140Gateway(String username) throws MqttException {
    return addService(username, AccessPolicy.AIS140_GATEWAY_ROLE, AccessPolicy.forAis140Gateway());
  }

  /** Gives the alert API its own broker client for the control room's overrides. */
  public String addControlRoom(String username) throws MqttException {
    return addService(username, AccessPolicy.CONTROL_ROOM_ROLE, AccessPolicy.forControlRoom());
  }

  /** Binds an AIS-140 tracker's IMEI (15 digits) to an active device. */
  public void bindImei(String id, String imei) {
    if (imei == null || !imei.matches("[0-9]{15}")) {
      throw new IllegalArgumentException("an IMEI is 15 digits");
    }
    registry.bindImei(active(id).id(), imei);
  }

  /**
   * The number a panic device's owner gave to be called back on when she presses without a
   * location; null removes it.
   */
  public void setCallBack(String id, String phone) {
    DeviceRecord r = active(id);
    if (r.kind() != org.oscar.contract.wire.DeviceKind.PANIC) {
      throw new IllegalArgumentException("a call-back number belongs to a panic device");
    }
    if (phone != null && !DeviceRecord.isPhoneNumber(phone)) {
      throw new IllegalArgumentException("a phone number is an optional + and 6-15 digits");
    }
    registry.setCallBack(r.id(), phone);
  }

  private String addService(String username, String role, List<AclRule> acls) throws MqttException {
    String secret = Secrets.newSecret();
    if (!broker.clientExists(username)) {
      broker.createRole(role, acls);
      broker.createClient(username, secret);
      broker.addClientRole(username, role);
    } else {
      // Provisioning again also brings the role's ACLs up to this version's (createRole replaces
      // the role, which drops it from its client).
      broker.createRole(role, acls);
      broker.addClientRole(username, role);
      broker.setClientPassword(username, secret);
    }
    return secret;
  }

  /** A new secret for an active device; the old one stops working at once. */
  public String rotate(String id) throws MqttException {
    DeviceRecord r = active(id);
    String secret = Secrets.newSecret();
    broker.setClientPassword(r.id(), secret);
    return secret;
  }

  /** Cuts the device off the broker at once and marks it revoked for the pipeline. */
  public void revoke(String id) throws MqttException {
    DeviceRecord r = registry.find(id).orElseThrow(() -> unknown(id));
    broker.disableClient(id);
    registry.put(r.revoked());
  }

  public List<DeviceRecord> list() {
    return registry.all();
  }

  public Optional<DeviceRecord> find(String id) {
    return registry.find(id);
  }

  private DeviceRecord active(String id) {
    DeviceRecord r = registry.find(id).orElseThrow(() -> unknown(id));
    if (!r.isActive()) {
      throw new IllegalArgumentException("device " + id + " is revoked");
    }
    return r;
  }

  private static IllegalArgumentException unknown(String id) {
    return new IllegalArgumentException("no device " + id);
  }
}

package org.oscar.stream.validate;

import java.io.Serializable;
import java.util.Optional;
import org.oscar.contract.codec.Decoded;
import org.oscar.contract.codec.PayloadDecoder;
import org.oscar.contract.codec.RejectReason;
import org.oscar.contract.wire.DeviceClass;
import org.oscar.contract.wire.SosPayload;
import org.oscar.contract.wire.TopicAddress;
import org.oscar.contract.wire.Topics;
import org.oscar.contract.wire.UnitPositionPayload;
import org.oscar.contract.wire.UnitStatusPayload;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DeviceEntry;

/** Turns one raw uplink message into a {@link DeviceEvent} or a counted refusal. Pure. */
public final class InboundValidator implements Serializable {
  private final DeviceDirectory directory;
  private final ValidationPolicy policy;

  public InboundValidator(DeviceDirectory directory, ValidationPolicy policy) {
    this.directory = directory;
    this.policy = policy;
  }

  public Decoded<DeviceEvent> validate(String topic, byte[] payload, long receivedAt) {
    Optional<TopicAddress> parsed = Topics.parse(topic);
    if (parsed.isEmpty()) {
      return Decoded.rejected(RejectReason.UNKNOWN_TOPIC, "not a contract topic");
    }
    TopicAddress address = parsed.get();
    Optional<DeviceEntry> entry = directory.lookup(address.deviceId());
    if (entry.isEmpty()) {
      return Decoded.rejected(RejectReason.UNKNOWN_DEVICE, "device not provisioned");
    }
    DeviceEntry device = entry.get();
    if (device.kind().deviceClass() != address.deviceClass()) {
      return Decoded.rejected(RejectReason.WRONG_DEVICE_CLASS, "device kind " + device.kind());
    }
    if (address.deviceClass() == DeviceClass.PANIC && Topics.SOS.equals(address.leaf())) {
      return sos(device, payload, receivedAt);
    }
    if (address.deviceClass() == DeviceClass.UNIT && Topics.POS.equals(address.leaf())) {
      return unitPosition(device, payload, receivedAt);
    }
    if (address.deviceClass() == DeviceClass.UNIT && Topics.STATUS.equals(address.leaf())) {
      return unitStatus(device, payload, receivedAt);
    }
    return Decoded.rejected(RejectReason.UNKNOWN_TOPIC, "no uplink '" + address.leaf() + "'");
  }

  private Decoded<DeviceEvent> sos(DeviceEntry device, byte[] payload, long receivedAt) {
    Decoded<SosPayload> d = PayloadDecoder.sos(payload);
    if (!d.isOk()) {
      return Decoded.rejected(d.reason(), d.detail());
    }
    SosPayload p = d.value();
    if (p.ts() - receivedAt > policy.maxFutureSkew().toMillis()) {
      return Decoded.rejected(RejectReason.CLOCK_SKEW, "ts ahead of receiver");
    }
    return Decoded.ok(
        new DeviceEvent(
            EventKind.SOS,
            device.id(),
            device.kind(),
            device.region(),
            p.seq(),
            p.ts(),
            receivedAt,
            p.lat(),
            p.lon(),
            Boolean.TRUE.equals(p.injured()),
            null));
  }

  private Decoded<DeviceEvent> unitPosition(DeviceEntry device, byte[] payload, long receivedAt) {
    Decoded<UnitPositionPayload> d = PayloadDecoder.unitPosition(payload);
    if (!d.isOk()) {
      return Decoded.rejected(d.reason(), d.detail());
    }
    UnitPositionPayload p = d.value();
    Decoded<DeviceEvent> skew = checkClock(p.ts(), receivedAt);
    if (skew != null) {
      return skew;
    }
    return Decoded.ok(
        new DeviceEvent(
            EventKind.UNIT_POSITION,
            device.id(),
            device.kind(),
            device.region(),
            p.seq(),
            p.ts(),
            receivedAt,
            p.lat(),
            p.lon(),
            false,
            null));
  }

  private Decoded<DeviceEvent> unitStatus(DeviceEntry device, byte[] payload, long receivedAt) {
    Decoded<UnitStatusPayload> d = PayloadDecoder.unitStatus(payload);
    if (!d.isOk()) {
      return Decoded.rejected(d.reason(), d.detail());
    }
    UnitStatusPayload p = d.value();
    if (p.ts() - receivedAt > policy.maxFutureSkew().toMillis()) {
      return Decoded.rejected(RejectReason.CLOCK_SKEW, "ts ahead of receiver");
    }
    return Decoded.ok(
        new DeviceEvent(
            EventKind.UNIT_STATUS,
            device.id(),
            device.kind(),
            device.region(),
            p.seq(),
            p.ts(),
            receivedAt,
            0,
            0,
            false,
            p.status()));
  }

  private Decoded<DeviceEvent> checkClock(long ts, long receivedAt) {
    if (ts - receivedAt > policy.maxFutureSkew().toMillis()) {
      return Decoded.rejected(RejectReason.CLOCK_SKEW, "ts ahead of receiver");
    }
    if (receivedAt - ts > policy.maxPositionAge().toMillis()) {
      return Decoded.rejected(RejectReason.STALE, "position too old");
    }
    return null;
  }
}

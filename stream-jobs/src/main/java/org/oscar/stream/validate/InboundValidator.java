package org.oscar.stream.validate;

import java.util.Optional;
import org.oscar.contract.codec.Decoded;
import org.oscar.contract.codec.PayloadDecoder;
import org.oscar.contract.codec.RejectReason;
import org.oscar.contract.security.PinHash;
import org.oscar.contract.wire.AckPayload;
import org.oscar.contract.wire.CancelPayload;
import org.oscar.contract.wire.DeviceClass;
import org.oscar.contract.wire.PositionPayload;
import org.oscar.contract.wire.PresencePayload;
import org.oscar.contract.wire.SosPayload;
import org.oscar.contract.wire.TopicAddress;
import org.oscar.contract.wire.Topics;
import org.oscar.contract.wire.UnitPositionPayload;
import org.oscar.contract.wire.UnitStatusPayload;
import org.oscar.stream.directory.DeviceEntry;
import org.oscar.stream.directory.DeviceLookup;
import org.oscar.stream.event.CancelOutcome;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.event.EventKind;

/** Turns one raw uplink message into a {@link DeviceEvent} or a counted refusal. Pure. */
public final class InboundValidator {
  private static final int MAX_REASON_CHARS = 200;
  private final DeviceLookup directory;
  private final ValidationPolicy policy;
  private final FloodGuard floodGuard;

  public InboundValidator(DeviceLookup directory, ValidationPolicy policy) {
    this(directory, policy, null);
  }

  /** With a flood guard: each known device's messages are rate-limited per kind. */
  public InboundValidator(DeviceLookup directory, ValidationPolicy policy, FloodGuard floodGuard) {
    this.directory = directory;
    this.policy = policy;
    this.floodGuard = floodGuard;
  }

  public Decoded<DeviceEvent> validate(String topic, byte[] payload, long receivedAt) {
    Optional<String> opsRegion = Topics.operatorCommandRegion(topic);
    if (opsRegion.isPresent()) {
      return OperatorCommands.validate(opsRegion.get(), payload, receivedAt, policy);
    }
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
    if (device.revoked()) {
      return Decoded.rejected(RejectReason.REVOKED_DEVICE, "device revoked");
    }
    if (floodGuard != null && !floodGuard.allow(device.id(), address.leaf(), receivedAt)) {
      return Decoded.rejected(RejectReason.RATE_LIMITED, "over its " + address.leaf() + " budget");
    }
    if (device.kind().deviceClass() != address.deviceClass()) {
      return Decoded.rejected(RejectReason.WRONG_DEVICE_CLASS, "device kind " + device.kind());
    }
    if (Topics.ONLINE.equals(address.leaf())) {
      return presence(device, payload, receivedAt);
    }
    Decoded<DeviceEvent> event = decode(address, device, payload, receivedAt);
    if (!event.isOk()) {
      return event;
    }
    return checkClock(event.value());
  }

  private static Decoded<DeviceEvent> decode(
      TopicAddress address, DeviceEntry device, byte[] payload, long receivedAt) {
    boolean unit = address.deviceClass() == DeviceClass.UNIT;
    switch (address.leaf()) {
      case Topics.SOS:
        if (!unit) {
          Decoded<SosPayload> d = PayloadDecoder.sos(payload);
          if (!d.isOk()) {
            return refusal(d);
          }
          SosPayload p = d.value();
          String noPosition = PayloadDecoder.positionProblem(p);
          DeviceEvent.Builder press =
              noPosition == null
                  ? event(EventKind.SOS, device, p.seq(), p.ts(), receivedAt, p.lat(), p.lon())
                  : event(EventKind.SOS, device, p.seq(), p.ts(), receivedAt, 0, 0).noPosition();
          String unverified =
              Boolean.TRUE.equals(p.unverified()) ? "frame integrity unverified" : null;
          String note =
              noPosition == null
                  ? unverified
                  : unverified == null ? noPosition : noPosition + "; " + unverified;
          return Decoded.ok(press.injured(Boolean.TRUE.equals(p.injured())).note(note).build());
        }
        break;
      case Topics.POS:
        if (!unit) {
          Decoded<PositionPayload> d = PayloadDecoder.devicePosition(payload);
          if (!d.isOk()) {
            return refusal(d);
          }
          PositionPayload p = d.value();
          return Decoded.ok(
              event(
                      EventKind.DEVICE_POSITION,
                      device,
                      p.seq(),
                      p.ts(),
                      receivedAt,
                      p.lat(),
                      p.lon())
                  .build());
        }
        if (unit) {
          Decoded<UnitPositionPayload> d = PayloadDecoder.unitPosition(payload);
          if (!d.isOk()) {
            return refusal(d);
          }
          UnitPositionPayload p = d.value();
          return Decoded.ok(
              event(EventKind.UNIT_POSITION, device, p.seq(), p.ts(), receivedAt, p.lat(), p.lon())
                  .heading(p.headingDeg())
                  .build());
        }
        break;
      case Topics.STATUS:
        if (unit) {
          Decoded<UnitStatusPayload> d = PayloadDecoder.unitStatus(payload);
          if (!d.isOk()) {
            return refusal(d);
          }
          UnitStatusPayload p = d.value();
          return Decoded.ok(
              event(EventKind.UNIT_STATUS, device, p.seq(), p.ts(), receivedAt, 0, 0)
                  .status(p.status())
                  .build());
        }
        break;
      case Topics.ACK:
        if (unit) {
          Decoded<AckPayload> d = PayloadDecoder.ack(payload);
          if (!d.isOk()) {
            return refusal(d);
          }
          AckPayload p = d.value();
          return Decoded.ok(
              event(EventKind.UNIT_ACK, device, p.seq(), p.ts(), receivedAt, 0, 0)
                  .ack(p.assignmentId(), p.accept(), truncate(p.reason()))
                  .build());
        }
        break;
      case Topics.CANCEL:
        if (!unit) {
          Decoded<CancelPayload> d = PayloadDecoder.cancel(payload);
          if (!d.isOk()) {
            return refusal(d);
          }
          CancelPayload p = d.value();
          return Decoded.ok(
              event(EventKind.CANCEL, device, p.seq(), p.ts(), receivedAt, 0, 0)
                  .cancel(checkPin(device, p.pin()))
                  .build());
        }
        break;
      default:
        break;
    }
    return Decoded.rejected(RejectReason.UNKNOWN_TOPIC, "no uplink '" + address.leaf() + "'");
  }

  /**
   * The PIN is compared here, in the parallel validation step (it is slow by design), and only the
   * outcome travels on. The duress PIN is checked first so that a device set up with the same PIN
   * for both errs towards keeping the rescue going.
   */
  private static CancelOutcome checkPin(DeviceEntry device, String pin) {
    if (PinHash.matches(pin, device.duressPinHash())) {
      return CancelOutcome.DURESS;
    }
    if (PinHash.matches(pin, device.cancelPinHash())) {
      return CancelOutcome.VALID;
    }
    return CancelOutcome.WRONG;
  }

  private static String truncate(String reason) {
    return reason == null || reason.length() <= MAX_REASON_CHARS
        ? reason
        : reason.substring(0, MAX_REASON_CHARS);
  }

  private static Decoded<DeviceEvent> presence(
      DeviceEntry device, byte[] payload, long receivedAt) {
    Decoded<PresencePayload> d = PayloadDecoder.presence(payload);
    if (!d.isOk()) {
      return refusal(d);
    }
    return Decoded.ok(
        event(EventKind.PRESENCE, device, 0, 0, receivedAt, 0, 0)
            .online(d.value().online())
            .build());
  }

  private Decoded<DeviceEvent> checkClock(DeviceEvent e) {
    long ahead = e.ts() - e.receivedAt();
    if (ahead > policy.maxFutureSkew().toMillis()) {
      if (e.kind() == EventKind.SOS) {
        // A press is never refused for its device's clock: it is timed by its arrival anyway.
        String skew = "device clock " + ahead / 1000 + " s ahead";
        return Decoded.ok(e.withNote(e.note() == null ? skew : e.note() + "; " + skew));
      }
      return Decoded.rejected(RejectReason.CLOCK_SKEW, "ts ahead of receiver");
    }
    boolean position = e.kind() == EventKind.UNIT_POSITION || e.kind() == EventKind.DEVICE_POSITION;
    if (position && e.receivedAt() - e.ts() > policy.maxPositionAge().toMillis()) {
      return Decoded.rejected(RejectReason.STALE, "position too old");
    }
    return Decoded.ok(e);
  }

  private static <T> Decoded<DeviceEvent> refusal(Decoded<T> d) {
    return Decoded.rejected(d.reason(), d.detail());
  }

  private static DeviceEvent.Builder event(
      EventKind kind,
      DeviceEntry device,
      long seq,
      long ts,
      long receivedAt,
      double lat,
      double lon) {
    return new DeviceEvent.Builder(kind, device.id(), device.kind(), device.region())
        .timing(seq, ts, receivedAt)
        .at(lat, lon);
  }
}

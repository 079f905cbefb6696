package org.oscar.gateway.ais140;

import org.oscar.contract.codec.Json;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.contract.wire.DeviceClass;
import org.oscar.contract.wire.PositionPayload;
import org.oscar.contract.wire.PresencePayload;
import org.oscar.contract.wire.SosPayload;
import org.oscar.contract.wire.Topics;
import org.oscar.contract.wire.UnitPositionPayload;

/**
 * Turns a parsed AIS-140 frame of a registered device into the contract message that device would
 * have published itself. Pure.
 *
 * <p>AIS-140 frames carry no message counter. A position's {@code seq} is its GPS time in ms, so a
 * frame the tracker sends again verbatim (stored packets after a network gap) is a redelivery the
 * pipeline ignores. An emergency's {@code seq} is the time the adapter received it: a tracker
 * without a fresh fix repeats its last GPS time in every frame, and a new emergency must never look
 * like an old press (the repeats of one emergency join its incident anyway).
 *
 * <p>Every emergency of a registered panic device becomes a press: one with no place (no fix at
 * 0,0, unreadable coordinates) is published without {@code lat}/{@code lon} and with {@code fix:
 * false}, so the incident opens as "location unknown"; one whose checksum could not be verified is
 * published with {@code unverified: true}. The emergency alert of a location packet (packet type
 * EA) from a panic device is a press too. Positions without a fix are dropped: they say nothing
 * about where anyone is.
 */
public final class Ais140Translator {
  /**
   * Accuracy given to a position that is not a current fine GPS fix (provider N = from the network,
   * or validity V = the last known fix): coarse, so nobody mistakes it for a doorstep.
   */
  static final double COARSE_ACCURACY_M = 1000;

  private Ais140Translator() {}

  /** The message to publish, or the outcome that stops the frame here. */
  public static Translation translate(Ais140Frame frame, DeviceRecord device, long receivedAt) {
    DeviceClass cls = device.kind().deviceClass();
    if (frame instanceof Ais140Frame.Emergency e) {
      if (cls != DeviceClass.PANIC) {
        return Translation.stopped(FrameOutcome.WRONG_DEVICE_CLASS);
      }
      if (e.stop()) {
        return Translation.stopped(FrameOutcome.STOP_NOT_A_CANCEL);
      }
      Double accM = e.fixValid() && !e.networkFix() ? null : COARSE_ACCURACY_M;
      return press(frame, device, receivedAt, accM);
    }
    Ais140Frame.Location l = (Ais140Frame.Location) frame;
    if (cls == DeviceClass.PANIC && l.emergencyAlert()) {
      return press(frame, device, receivedAt, null);
    }
    if (!l.fixValid()) {
      return Translation.stopped(FrameOutcome.NO_FIX);
    }
    if (cls == DeviceClass.PANIC) {
      return Translation.of(
          new Republish(
              Topics.device(device.id(), Topics.POS),
              Json.toBytes(new PositionPayload(l.ts(), l.ts(), l.lat(), l.lon(), null)),
              1,
              false),
          published(frame, true));
    }
    return Translation.of(
        new Republish(
            Topics.unit(device.id(), Topics.POS),
            Json.toBytes(
                new UnitPositionPayload(
                    l.ts(), l.ts(), l.lat(), l.lon(), l.speedKmh(), l.headingDeg())),
            1,
            false),
        published(frame, true));
  }

  private static Translation press(
      Ais140Frame frame, DeviceRecord device, long receivedAt, Double accM) {
    boolean positioned = frame.placed();
    boolean unverified = frame.integrity() == FrameIntegrity.Status.UNVERIFIED;
    long ts = frame.ts() == 0 ? receivedAt : frame.ts();
    SosPayload sos =
        positioned
            ? new SosPayload(
                receivedAt,
                ts,
                frame.lat(),
                frame.lon(),
                accM,
                null,
                null,
                unverified ? true : null)
            : new SosPayload(
                receivedAt, ts, null, null, null, null, false, unverified ? true : null);
    return Translation.of(
        new Republish(Topics.device(device.id(), Topics.SOS), Json.toBytes(sos), 1, false),
        published(frame, positioned));
  }

  /** How a forwarded frame is counted: unverified first, then an emergency without a place. */
  private static FrameOutcome published(Ais140Frame frame, boolean positioned) {
    if (frame.integrity() == FrameIntegrity.Status.UNVERIFIED) {
      return FrameOutcome.PUBLISHED_UNVERIFIED;
    }
    return positioned ? FrameOutcome.PUBLISHED : FrameOutcome.PUBLISHED_WITHOUT_POSITION;
  }

  /** Presence of a tracker: online while its TCP connection is open (retained, as devices do). */
  public static Republish presence(DeviceRecord device, boolean online) {
    return new Republish(
        Topics.of(device.kind().deviceClass(), device.id(), Topics.ONLINE),
        Json.toBytes(new PresencePayload(online)),
        1,
        true);
  }

  /** A message to publish, or why not. */
  public record Translation(Republish message, FrameOutcome outcome) {
    static Translation of(Republish message, FrameOutcome outcome) {
      return new Translation(message, outcome);
    }

    static Translation stopped(FrameOutcome outcome) {
      return new Translation(null, outcome);
    }
  }
}

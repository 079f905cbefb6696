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
      return Translation.of(
          new Republish(
              Topics.device(device.id(), Topics.SOS),
              Json.toBytes(new SosPayload(receivedAt, e.ts(), e.lat(), e.lon(), accM, null)),
              1,
              false));
    }
    Ais140Frame.Location l = (Ais140Frame.Location) frame;
    if (!l.fixValid()) {
      return Translation.stopped(FrameOutcome.NO_FIX);
    }
    if (cls == DeviceClass.PANIC) {
      return Translation.of(
          new Republish(
              Topics.device(device.id(), Topics.POS),
              Json.toBytes(new PositionPayload(l.ts(), l.ts(), l.lat(), l.lon(), null)),
              1,
              false));
    }
    return Translation.of(
        new Republish(
            Topics.unit(device.id(), Topics.POS),
            Json.toBytes(
                new UnitPositionPayload(
                    l.ts(), l.ts(), l.lat(), l.lon(), l.speedKmh(), l.headingDeg())),
            1,
            false));
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
    static Translation of(Republish message) {
      return new Translation(message, FrameOutcome.PUBLISHED);
    }

    static Translation stopped(FrameOutcome outcome) {
      return new Translation(null, outcome);
    }
  }
}

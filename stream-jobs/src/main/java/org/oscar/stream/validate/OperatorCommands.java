package org.oscar.stream.validate;

import org.oscar.contract.codec.Decoded;
import org.oscar.contract.codec.PayloadDecoder;
import org.oscar.contract.codec.RejectReason;
import org.oscar.contract.live.IncidentIds;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.OperatorCommand;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.event.EventKind;

/**
 * Validates an operator's override from {@code oscar/v1/ops/{region}/command}. Only the control
 * room's own broker client may publish there (the broker's access list is the authentication; the
 * alert API checked the user's district before publishing), so no device lookup and no flood guard:
 * the payload is checked like any other, and the clock as for devices.
 */
final class OperatorCommands {
  /** The incident an OPEN command creates is the press of a call with this id prefix. */
  private OperatorCommands() {}

  static Decoded<DeviceEvent> validate(
      String region, byte[] payload, long receivedAt, ValidationPolicy policy) {
    Decoded<OperatorCommand> d = PayloadDecoder.operatorCommand(payload);
    if (!d.isOk()) {
      return Decoded.rejected(d.reason(), d.detail());
    }
    OperatorCommand c = d.value();
    if (c.commandId().length() > 64 - IncidentIds.CALL_DEVICE_PREFIX.length()) {
      return Decoded.rejected(RejectReason.BAD_FIELD, "commandId too long");
    }
    if (c.ts() - receivedAt > policy.maxFutureSkew().toMillis()) {
      return Decoded.rejected(RejectReason.CLOCK_SKEW, "ts ahead of receiver");
    }
    String source = c.source() == null ? "HELPLINE_181" : c.source();
    return Decoded.ok(
        new DeviceEvent.Builder(
                EventKind.OPERATOR, IncidentIds.callDevice(c.commandId()), DeviceKind.PANIC, region)
            .timing(1, c.ts(), receivedAt)
            .at(c.lat() == null ? 0 : c.lat(), c.lon() == null ? 0 : c.lon())
            .injured(Boolean.TRUE.equals(c.injured()))
            .operator(c.action(), c.operator(), c.incidentId(), c.unitId())
            .note(c.note() == null || c.note().isBlank() ? source : source + ": " + c.note())
            .build());
  }
}

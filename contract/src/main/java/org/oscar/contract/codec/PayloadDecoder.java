package org.oscar.contract.codec;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import org.oscar.contract.wire.AckPayload;
import org.oscar.contract.wire.CancelPayload;
import org.oscar.contract.wire.OperatorAction;
import org.oscar.contract.wire.OperatorCommand;
import org.oscar.contract.wire.PositionPayload;
import org.oscar.contract.wire.PresencePayload;
import org.oscar.contract.wire.SosPayload;
import org.oscar.contract.wire.Topics;
import org.oscar.contract.wire.UnitPositionPayload;
import org.oscar.contract.wire.UnitStatusPayload;

/**
 * Decodes and checks uplink payloads against contract v1. Pure and thread-safe: the same bytes
 * always give the same answer, and a refusal says why without echoing the payload.
 */
public final class PayloadDecoder {
  public static final int MAX_PAYLOAD_BYTES = 4096;
  private static final int MAX_PIN_CHARS = 32;
  private static final int MAX_ID_CHARS = 200;
  // Stands in for the coordinates of a message that carries none, so one check serves all.
  private static final Double NO_COORDINATE = 0.0;

  private PayloadDecoder() {}

  public static Decoded<SosPayload> sos(byte[] payload) {
    Decoded<SosPayload> d = read(payload, SosPayload.class);
    if (!d.isOk()) {
      return d;
    }
    SosPayload p = d.value();
    // No press is refused for its position: without one (no fix yet, or coordinates that are no
    // place) it is a press whose location is unknown (positionProblem says why). Only seq and ts,
    // which tell one press from its redelivery, are required.
    return checked(d, p.seq(), p.ts(), NO_COORDINATE, NO_COORDINATE);
  }

  /**
   * Why a decoded press gives no place to send help to, in words for its timeline; null if it gives
   * one.
   */
  public static String positionProblem(SosPayload p) {
    if (Boolean.FALSE.equals(p.fix())) {
      return "no GPS fix";
    }
    if (p.lat() == null || p.lon() == null) {
      return "no coordinates in the press";
    }
    if (!validLatitude(p.lat()) || !validLongitude(p.lon())) {
      return "coordinates out of range, discarded";
    }
    if (isNullIsland(p.lat(), p.lon())) {
      return "0,0: what a device sends without a fix";
    }
    return null;
  }

  /** Exactly 0,0: in the Gulf of Guinea, and what devices without a fix send as a position. */
  public static boolean isNullIsland(double lat, double lon) {
    return lat == 0 && lon == 0;
  }

  public static Decoded<UnitPositionPayload> unitPosition(byte[] payload) {
    Decoded<UnitPositionPayload> d = read(payload, UnitPositionPayload.class);
    if (!d.isOk()) {
      return d;
    }
    UnitPositionPayload p = d.value();
    return placed(checked(d, p.seq(), p.ts(), p.lat(), p.lon()), p.lat(), p.lon());
  }

  public static Decoded<PositionPayload> devicePosition(byte[] payload) {
    Decoded<PositionPayload> d = read(payload, PositionPayload.class);
    if (!d.isOk()) {
      return d;
    }
    PositionPayload p = d.value();
    return placed(checked(d, p.seq(), p.ts(), p.lat(), p.lon()), p.lat(), p.lon());
  }

  /** A position report of 0,0 says the device has no fix: it places nobody there. */
  private static <T> Decoded<T> placed(Decoded<T> d, Double lat, Double lon) {
    return d.isOk() && isNullIsland(lat, lon)
        ? Decoded.rejected(RejectReason.BAD_COORDINATE, "0,0: no fix")
        : d;
  }

  public static Decoded<CancelPayload> cancel(byte[] payload) {
    Decoded<CancelPayload> d = read(payload, CancelPayload.class);
    if (!d.isOk()) {
      return d;
    }
    CancelPayload p = d.value();
    if (p.pin() == null) {
      return Decoded.rejected(RejectReason.MISSING_FIELD, "pin");
    }
    if (p.pin().isEmpty() || p.pin().length() > MAX_PIN_CHARS) {
      return Decoded.rejected(RejectReason.BAD_FIELD, "pin length");
    }
    return checked(d, p.seq(), p.ts(), NO_COORDINATE, NO_COORDINATE);
  }

  public static Decoded<AckPayload> ack(byte[] payload) {
    Decoded<AckPayload> d = read(payload, AckPayload.class);
    if (!d.isOk()) {
      return d;
    }
    AckPayload p = d.value();
    if (p.assignmentId() == null) {
      return Decoded.rejected(RejectReason.MISSING_FIELD, "assignmentId");
    }
    if (p.accept() == null) {
      return Decoded.rejected(RejectReason.MISSING_FIELD, "accept");
    }
    if (p.assignmentId().isEmpty() || p.assignmentId().length() > MAX_ID_CHARS) {
      return Decoded.rejected(RejectReason.BAD_FIELD, "assignmentId length");
    }
    return checked(d, p.seq(), p.ts(), NO_COORDINATE, NO_COORDINATE);
  }

  public static Decoded<PresencePayload> presence(byte[] payload) {
    Decoded<PresencePayload> d = read(payload, PresencePayload.class);
    if (d.isOk() && d.value().online() == null) {
      return Decoded.rejected(RejectReason.MISSING_FIELD, "online");
    }
    return d;
  }

  public static Decoded<UnitStatusPayload> unitStatus(byte[] payload) {
    Decoded<UnitStatusPayload> d = read(payload, UnitStatusPayload.class);
    if (!d.isOk()) {
      return d;
    }
    UnitStatusPayload p = d.value();
    if (p.status() == null) {
      return Decoded.rejected(RejectReason.MISSING_FIELD, "status");
    }
    return checked(d, p.seq(), p.ts(), NO_COORDINATE, NO_COORDINATE);
  }

  /** An operator's override; what each action needs is on {@link OperatorCommand}. */
  public static Decoded<OperatorCommand> operatorCommand(byte[] payload) {
    Decoded<OperatorCommand> d = read(payload, OperatorCommand.class);
    if (!d.isOk()) {
      return d;
    }
    OperatorCommand c = d.value();
    if (c.commandId() == null || c.operator() == null || c.action() == null || c.ts() == null) {
      return Decoded.rejected(RejectReason.MISSING_FIELD, "commandId, ts, operator and action");
    }
    if (!Topics.isValidId(c.commandId()) || c.operator().isBlank() || c.operator().length() > 64) {
      return Decoded.rejected(RejectReason.BAD_FIELD, "commandId or operator");
    }
    if (c.note() != null && c.note().length() > MAX_ID_CHARS) {
      return Decoded.rejected(RejectReason.BAD_FIELD, "note length");
    }
    switch (c.action()) {
      case OPEN -> {
        if (c.lat() == null || c.lon() == null) {
          return Decoded.rejected(RejectReason.MISSING_FIELD, "lat/lon");
        }
        if (!validLatitude(c.lat()) || !validLongitude(c.lon())) {
          return Decoded.rejected(RejectReason.BAD_COORDINATE, "lat/lon out of range");
        }
        if (c.source() != null && !OPEN_SOURCES.contains(c.source())) {
          return Decoded.rejected(RejectReason.BAD_FIELD, "source");
        }
      }
      case ASSIGN, CLOSE, MARK_SERIOUS, LOCATE, TAKE -> {
        if (c.incidentId() == null || c.incidentId().length() > MAX_ID_CHARS) {
          return Decoded.rejected(RejectReason.MISSING_FIELD, "incidentId");
        }
        if (c.action() == OperatorAction.ASSIGN && !Topics.isValidId(c.unitId())) {
          return Decoded.rejected(RejectReason.MISSING_FIELD, "unitId");
        }
        if (c.action() == OperatorAction.LOCATE) {
          if (c.lat() == null || c.lon() == null) {
            return Decoded.rejected(RejectReason.MISSING_FIELD, "lat/lon");
          }
          if (!validLatitude(c.lat()) || !validLongitude(c.lon())) {
            return Decoded.rejected(RejectReason.BAD_COORDINATE, "lat/lon out of range");
          }
        }
      }
    }
    return d;
  }

  /** Where a case opened by an operator came from. */
  public static final java.util.Set<String> OPEN_SOURCES =
      java.util.Set.of("HELPLINE_181", "WALK_IN", "UNREGISTERED_TRACKER");

  private static <T> Decoded<T> checked(Decoded<T> d, Long seq, Long ts, Double lat, Double lon) {
    if (seq == null) {
      return Decoded.rejected(RejectReason.MISSING_FIELD, "seq");
    }
    if (seq < 0) {
      return Decoded.rejected(RejectReason.BAD_FIELD, "seq is negative");
    }
    if (ts == null) {
      return Decoded.rejected(RejectReason.MISSING_FIELD, "ts");
    }
    if (lat == null) {
      return Decoded.rejected(RejectReason.MISSING_FIELD, "lat");
    }
    if (lon == null) {
      return Decoded.rejected(RejectReason.MISSING_FIELD, "lon");
    }
    if (!validLatitude(lat) || !validLongitude(lon)) {
      return Decoded.rejected(RejectReason.BAD_COORDINATE, "lat/lon out of range");
    }
    return d;
  }

  public static boolean validLatitude(double lat) {
    return Double.isFinite(lat) && lat >= -90.0 && lat <= 90.0;
  }

  public static boolean validLongitude(double lon) {
    return Double.isFinite(lon) && lon >= -180.0 && lon <= 180.0;
  }

  private static <T> Decoded<T> read(byte[] payload, Class<T> type) {
    if (payload == null || payload.length == 0) {
      return Decoded.rejected(RejectReason.NOT_JSON, "empty payload");
    }
    if (payload.length > MAX_PAYLOAD_BYTES) {
      return Decoded.rejected(
          RejectReason.TOO_LARGE, payload.length + " bytes > " + MAX_PAYLOAD_BYTES);
    }
    try {
      JsonNode tree = Json.mapper().readTree(payload);
      if (tree == null || !tree.isObject()) {
        return Decoded.rejected(RejectReason.NOT_JSON, "not a JSON object");
      }
      return Decoded.ok(Json.mapper().treeToValue(tree, type));
    } catch (JsonParseException e) {
      return Decoded.rejected(RejectReason.NOT_JSON, "malformed JSON");
    } catch (InvalidFormatException e) {
      return Decoded.rejected(RejectReason.BAD_FIELD, fieldOf(e) + " has a bad value");
    } catch (MismatchedInputException e) {
      return Decoded.rejected(RejectReason.BAD_FIELD, fieldOf(e) + " has the wrong type");
    } catch (IOException | RuntimeException e) {
      return Decoded.rejected(RejectReason.NOT_JSON, e.getClass().getSimpleName());
    }
  }

  private static String fieldOf(MismatchedInputException e) {
    return e.getPath().isEmpty() ? "payload" : String.valueOf(e.getPath().get(0).getFieldName());
  }
}

package org.oscar.stream.validate;

import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.UnitStatus;

/**
 * A contract message that passed validation, flattened into one record so Flink serializes it as a
 * POJO. {@code receivedAt} is when the pipeline took it off the broker: decisions are timed by it,
 * not by the device's drifting clock {@code ts}. {@code lat}/{@code lon} are 0 for a status event;
 * {@code status} is null except for a status event.
 */
public record DeviceEvent(
    EventKind kind,
    String deviceId,
    DeviceKind deviceKind,
    String region,
    long seq,
    long ts,
    long receivedAt,
    double lat,
    double lon,
    boolean injured,
    UnitStatus status) {}

package org.oscar.stream.event;

/** A downlink message for the broker: a {@code task} to a unit or a {@code notice} to a device. */
public record OutboundMessage(String topic, byte[] payload, int qos, boolean retained) {}

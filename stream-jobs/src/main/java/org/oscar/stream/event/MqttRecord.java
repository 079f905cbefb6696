package org.oscar.stream.event;

/** One message as it came off the broker, before any decoding. */
public record MqttRecord(String topic, byte[] payload, long receivedAt) {}

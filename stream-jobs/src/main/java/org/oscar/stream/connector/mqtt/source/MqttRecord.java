package org.oscar.stream.connector.mqtt.source;

/** One message as it came off the broker, before any decoding. */
public record MqttRecord(String topic, byte[] payload, long receivedAt) {}

package org.oscar.gateway.ais140;

/** A contract message the adapter publishes for a tracker: topic, JSON payload, QoS, retain. */
public record Republish(String topic, byte[] payload, int qos, boolean retained) {}

package org.oscar.contract.wire;

/** Who a topic belongs to and what it carries. */
public record TopicAddress(DeviceClass deviceClass, String deviceId, String leaf) {}

/**
 * The types that cross the job's stages: a message as it came off the broker ({@link
 * org.oscar.stream.event.MqttRecord}), a validated device event ({@link
 * org.oscar.stream.event.DeviceEvent}), and what dispatch hands to the connectors (downlink {@link
 * org.oscar.stream.event.OutboundMessage}, {@link org.oscar.stream.event.AlertRequest}, {@link
 * org.oscar.stream.event.IncidentChange}). Connectors, validation and dispatch depend on this
 * package, not on each other.
 */
package org.oscar.stream.event;

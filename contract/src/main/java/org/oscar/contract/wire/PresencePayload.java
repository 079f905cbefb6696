package org.oscar.contract.wire;

/**
 * {@code …/{id}/online}: {@code {"online":true}} published retained by the device after it
 * connects, {@code {"online":false}} its last will, published by the broker when the device drops.
 * The contract gives it no {@code seq} or {@code ts}.
 */
public record PresencePayload(Boolean online) {}

package org.oscar.contract.live;

/** A hospital or One Stop Centre as named on an incident. {@code kind} is HOSPITAL or OSC. */
public record FacilityView(String id, String kind, String name, double lat, double lon) {}

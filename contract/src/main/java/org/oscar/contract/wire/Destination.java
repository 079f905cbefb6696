package org.oscar.contract.wire;

/** Where a unit takes the survivor once known: a hospital or a One Stop Centre. */
public record Destination(String kind, String name, double lat, double lon) {}

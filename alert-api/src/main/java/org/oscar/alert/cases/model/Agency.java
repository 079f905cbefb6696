package org.oscar.alert.cases.model;

/** A police station, hospital, DLSA, CWC, ... of a district, as cases are referred to it. */
public record Agency(String id, AgencyKind kind, String district, String name) {}

package org.oscar.alert.cases.model;

/**
 * A police station, hospital, DLSA, CWC, ... of a district, as cases are referred to it. {@code
 * post} is who is told of its cases (a key of the officials file, e.g. {@code SHO:Capital Police
 * Station}); without one it is {@code AGENCY:<id>}.
 */
public record Agency(String id, AgencyKind kind, String district, String name, String post) {
  public Agency {
    post = post == null || post.isBlank() ? "AGENCY:" + id : post;
  }

  public Agency(String id, AgencyKind kind, String district, String name) {
    this(id, kind, district, name, null);
  }
}

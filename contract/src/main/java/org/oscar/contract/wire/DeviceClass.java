package org.oscar.contract.wire;

/** The two families of device in the contract; each owns one topic prefix. */
public enum DeviceClass {
  /** A survivor's panic device: {@code oscar/v1/dev/{id}/...}. */
  PANIC("dev"),
  /** A responder unit's terminal: {@code oscar/v1/unit/{id}/...}. */
  UNIT("unit");

  private final String segment;

  DeviceClass(String segment) {
    this.segment = segment;
  }

  public String segment() {
    return segment;
  }
}

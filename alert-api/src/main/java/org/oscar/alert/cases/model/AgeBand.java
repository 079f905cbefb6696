package org.oscar.alert.cases.model;

/** Her age as a band, never a date of birth; under 18 starts the child-protection path. */
public enum AgeBand {
  UNKNOWN(false),
  UNDER_12(true),
  AGE_12_17(true),
  AGE_18_25(false),
  AGE_26_40(false),
  AGE_41_60(false),
  OVER_60(false);

  private final boolean minor;

  AgeBand(boolean minor) {
    this.minor = minor;
  }

  public boolean minor() {
    return minor;
  }
}

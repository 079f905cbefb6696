package org.oscar.alert.cases.model;

/** The agencies an OSC works with, and the part of a case each one works on. */
public enum AgencyKind {
  OSC(null),
  POLICE_STATION(CasePart.POLICE),
  HOSPITAL(CasePart.MEDICAL),
  DLSA(CasePart.LEGAL),
  CWC(CasePart.CHILD),
  SHAKTI_SADAN(CasePart.SHELTER),
  COUNSELLOR(CasePart.COUNSELLING),
  PROTECTION_OFFICER(CasePart.LEGAL);

  private final CasePart part;

  AgencyKind(CasePart part) {
    this.part = part;
  }

  /** The part this agency records and always sees on a case referred to it; null for the OSC. */
  public CasePart part() {
    return part;
  }
}

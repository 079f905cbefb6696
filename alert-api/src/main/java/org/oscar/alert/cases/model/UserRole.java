package org.oscar.alert.cases.model;

/**
 * What a user does, which decides what of a case they see ({@code CaseAccess}). OSC staff work
 * their district's cases; an agency's user works the cases referred to their agency.
 */
public enum UserRole {
  /** Watches incidents on the live map; sees no case record. */
  CONTROL_ROOM,
  /** The OSC's nodal person: every case of the district, and may override a missing consent. */
  OSC_ADMIN,
  /** OSC staff: every case of the district. */
  CASE_WORKER,
  /**
   * A user of the agency named in the account: cases referred to it, its part and what is shared.
   */
  AGENCY,
  /**
   * A district official named by post ({@code SP:<district>}, {@code DM:<district>}, {@code
   * CMO:<district>}): reads the cases escalated to the post, the part it oversees; records nothing.
   */
  OFFICIAL;

  public boolean isOscStaff() {
    return this == OSC_ADMIN || this == CASE_WORKER;
  }
}

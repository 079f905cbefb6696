package org.oscar.contract.alert;

import java.util.List;

/**
 * The posts the job alerts and the API reaches, by the names both use in alert events, policies and
 * the officials' directory: the district's control room, the station house officer of the
 * jurisdiction, the Superintendent of Police, the District Magistrate, the Chief Medical Officer,
 * the One Stop Centre's Administrator, and the control room's shift supervisor.
 */
public final class OfficialPost {
  public static final String CONTROL_ROOM = "CONTROL_ROOM";
  public static final String SHO = "SHO";
  public static final String SP = "SP";
  public static final String DM = "DM";
  public static final String CMO = "CMO";
  public static final String OSC_ADMIN = "OSC_ADMIN";

  /** The control room's shift supervisor: told when a case rings and no operator takes it. */
  public static final String SHIFT_SUPERVISOR = "SHIFT_SUPERVISOR";

  /** Every post an alert may name. */
  public static final List<String> ALL =
      List.of(CONTROL_ROOM, SHO, SP, DM, CMO, OSC_ADMIN, SHIFT_SUPERVISOR);

  private OfficialPost() {}

  public static boolean isKnown(String post) {
    return ALL.contains(post);
  }

  /**
   * The post that fills a role for a place, as the officials' directory names it: {@code
   * SHO:<jurisdiction>}, {@code SP:<district>} (DM, CMO alike), {@code OSC_ADMIN:<centre id>},
   * {@code CONTROL_ROOM:<region>} (the shift supervisor alike). Null if the place names none.
   */
  public static String post(
      String role, String region, String district, String jurisdiction, String oscId) {
    return switch (role) {
      case SHO -> jurisdiction == null ? null : SHO + ":" + jurisdiction;
      case SP, DM, CMO -> district == null ? null : role + ":" + district;
      case OSC_ADMIN -> oscId == null ? null : OSC_ADMIN + ":" + oscId;
      case CONTROL_ROOM, SHIFT_SUPERVISOR -> role + ":" + region;
      default -> null;
    };
  }
}

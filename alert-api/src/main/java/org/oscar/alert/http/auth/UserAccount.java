package org.oscar.alert.http.auth;

import java.util.List;
import org.oscar.alert.cases.model.UserRole;

/**
 * A login: the password as a PBKDF2 hash ({@code PinHash} format), the district it works for, the
 * dispatch regions of that district, its role and, for an agency's user (a police station, a
 * hospital, DLSA, ...), the agency's id; for an official (SP, DM, CMO), the post they hold. A user
 * with no role is a control-room user. A state control room's login names its {@code state} instead
 * of regions: it sees every region whose bundle is of that state, those added later included.
 */
public record UserAccount(
    String username,
    String passwordHash,
    String district,
    List<String> regions,
    UserRole role,
    String agency,
    String post,
    String state) {
  public UserAccount {
    regions = regions == null ? List.of() : List.copyOf(regions);
    role = role == null ? UserRole.CONTROL_ROOM : role;
  }

  public UserAccount(String username, String passwordHash, String district, List<String> regions) {
    this(username, passwordHash, district, regions, UserRole.CONTROL_ROOM, null, null, null);
  }

  public UserAccount(
      String username,
      String passwordHash,
      String district,
      List<String> regions,
      UserRole role,
      String agency,
      String post) {
    this(username, passwordHash, district, regions, role, agency, post, null);
  }

  /** A state control room's login: every region of its state's bundles, as they are now. */
  public boolean stateWide() {
    return state != null;
  }

  @Override
  public String toString() {
    return "UserAccount[" + username + ", " + district + ", " + role + "]";
  }
}

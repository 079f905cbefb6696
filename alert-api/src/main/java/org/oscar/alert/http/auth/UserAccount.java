package org.oscar.alert.http.auth;

import java.util.List;
import org.oscar.alert.cases.model.UserRole;

/**
 * A login: the password as a PBKDF2 hash ({@code PinHash} format), the district it works for, the
 * dispatch regions of that district, its role and, for an agency's user (a police station, a
 * hospital, DLSA, ...), the agency's id; for an official (SP, DM, CMO), the post they hold. A user
 * with no role is a control-room user.
 */
public record UserAccount(
    String username,
    String passwordHash,
    String district,
    List<String> regions,
    UserRole role,
    String agency,
    String post) {
  public UserAccount {
    regions = regions == null ? List.of() : List.copyOf(regions);
    role = role == null ? UserRole.CONTROL_ROOM : role;
  }

  public UserAccount(String username, String passwordHash, String district, List<String> regions) {
    this(username, passwordHash, district, regions, UserRole.CONTROL_ROOM, null, null);
  }

  @Override
  public String toString() {
    return "UserAccount[" + username + ", " + district + ", " + role + "]";
  }
}

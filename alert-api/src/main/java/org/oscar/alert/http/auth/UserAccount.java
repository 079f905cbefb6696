package org.oscar.alert.http.auth;

import java.util.List;

/**
 * A control-room login: the password as a PBKDF2 hash ({@code PinHash} format), the district it
 * works for and the dispatch regions of that district.
 */
public record UserAccount(
    String username, String passwordHash, String district, List<String> regions) {
  public UserAccount {
    regions = regions == null ? List.of() : List.copyOf(regions);
  }

  @Override
  public String toString() {
    return "UserAccount[" + username + ", " + district + "]";
  }
}

package org.oscar.alert.http.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.oscar.alert.cases.access.OfficialPosts;
import org.oscar.alert.cases.model.UserRole;
import org.oscar.contract.codec.Json;
import org.oscar.contract.security.PinHash;

/** The control-room accounts, from a JSON file of {@link UserAccount}s read at start-up. */
public final class UserDirectory {
  private static final String UNKNOWN_USER_HASH =
      PinHash.hash("no-such-user", new java.security.SecureRandom());
  private final Map<String, UserAccount> byName;

  private UserDirectory(List<UserAccount> accounts) {
    this.byName =
        accounts.stream().collect(Collectors.toMap(UserAccount::username, Function.identity()));
  }

  public static UserDirectory of(List<UserAccount> accounts) {
    for (UserAccount a : accounts) {
      if (a.username() == null || a.passwordHash() == null || a.district() == null) {
        throw new IllegalArgumentException("a user needs username, passwordHash and district");
      }
      if (a.stateWide() && (a.role() != UserRole.CONTROL_ROOM || !a.regions().isEmpty())) {
        throw new IllegalArgumentException(
            a.username() + ": a state login is a control room's, and names no regions of its own");
      }
      if (a.role() == UserRole.OFFICIAL && !OfficialPosts.holds(a.post(), a.district())) {
        throw new IllegalArgumentException(
            a.username()
                + ": an official needs a post SP:, DM: or CMO: of their own district, or STATE:"
                + " of their state");
      }
    }
    return new UserDirectory(accounts);
  }

  public static UserDirectory load(Path file) {
    try {
      return of(
          Json.mapper()
              .readValue(Files.readAllBytes(file), new TypeReference<List<UserAccount>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read users file " + file, e);
    }
  }

  /** The account as the users file has it now (a token's claims may be older). */
  public Optional<UserAccount> account(String username) {
    return Optional.ofNullable(username == null ? null : byName.get(username));
  }

  public static UserDirectory empty() {
    return new UserDirectory(List.of());
  }

  /**
   * The account if the password matches. An unknown name costs the same hashing as a known one, so
   * names cannot be found by timing. Blocking (PBKDF2): call off the event loop.
   */
  public Optional<UserAccount> authenticate(String username, String password) {
    UserAccount a = username == null ? null : byName.get(username);
    boolean ok =
        PinHash.matches(
            password == null ? "" : password, a == null ? UNKNOWN_USER_HASH : a.passwordHash());
    return ok && a != null ? Optional.of(a) : Optional.empty();
  }
}

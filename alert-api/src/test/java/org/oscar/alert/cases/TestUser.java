package org.oscar.alert.cases;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oscar.alert.cases.model.UserRole;
import org.oscar.contract.security.PinHash;

/** A login for the users file, built the way a test reads: {@code user("x").as(OSC_ADMIN)}. */
final class TestUser {
  static final String PASSWORD = "case-it-password";
  private static final SecureRandom RANDOM = new SecureRandom();

  final String name;
  private String district = "Khordha";
  private List<String> regions = List.of("khordha");
  private UserRole role = UserRole.CONTROL_ROOM;
  private String agency;
  private String post;

  private TestUser(String name) {
    this.name = name;
  }

  static TestUser user(String name) {
    return new TestUser(name);
  }

  TestUser in(String district, String region) {
    this.district = district;
    this.regions = List.of(region);
    return this;
  }

  TestUser as(UserRole role) {
    this.role = role;
    return this;
  }

  /** OSC staff of an OSC agency (the role stays as given). */
  TestUser at(String agency) {
    this.agency = agency;
    return this;
  }

  /** A district official holding {@code post} (SP:, DM:, CMO:). */
  TestUser holding(String post) {
    this.role = UserRole.OFFICIAL;
    this.post = post;
    return this;
  }

  TestUser of(String agency) {
    this.role = UserRole.AGENCY;
    this.agency = agency;
    return this;
  }

  Map<String, Object> json() {
    Map<String, Object> m = new HashMap<>();
    m.put("username", name);
    m.put("passwordHash", PinHash.hash(PASSWORD, RANDOM, 1_000));
    m.put("district", district);
    m.put("regions", regions);
    m.put("role", role.name());
    if (agency != null) {
      m.put("agency", agency);
    }
    if (post != null) {
      m.put("post", post);
    }
    return m;
  }
}

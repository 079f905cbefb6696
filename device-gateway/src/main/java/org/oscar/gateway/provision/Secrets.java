package org.oscar.gateway.provision;

import java.security.SecureRandom;
import java.util.Base64;

/** Device secrets: 24 random bytes, URL-safe Base64 (32 characters). */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  static String newSecret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static SecureRandom random() {
    return RANDOM;
  }
}

package org.oscar.contract.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A survivor's cancel or duress PIN, stored only as a slow salted hash (PBKDF2-HMAC-SHA256): {@code
 * pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>}. A PIN is short, so the slowness is what
 * protects it if the registry leaks.
 */
public final class PinHash {
  public static final int DEFAULT_ITERATIONS = 120_000;
  private static final String PREFIX = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private PinHash() {}

  public static String hash(String pin, SecureRandom random) {
    return hash(pin, random, DEFAULT_ITERATIONS);
  }

  public static String hash(String pin, SecureRandom random, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(derive(pin, salt, iterations));
  }

  /** True if {@code pin} is the one hashed in {@code encoded}; false for a malformed hash. */
  public static boolean matches(String pin, String encoded) {
    if (pin == null || encoded == null) {
      return false;
    }
    String[] parts = encoded.split("\\$");
    if (parts.length != 4 || !PREFIX.equals(parts[0])) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(pin, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] derive(String pin, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** For the command line: {@code java ... PinHash 1234} prints a hash for a scenario file. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: PinHash <pin>");
      System.exit(2);
    }
    System.out.println(hash(args[0], new SecureRandom()));
  }
}

package org.oscar.alert.cases.privacy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.oscar.alert.cases.model.Identity;

/**
 * Her identity at rest: AES-256-GCM under a key read from a secret file (base64 of 32 bytes, {@code
 * OSCAR_IDENTITY_KEY_FILE}), never from the repository or the database. Each value has its own
 * random 96-bit nonce and is bound to her survivor id as associated data, so a ciphertext copied
 * onto another survivor's row does not open. Layout: version byte (1), nonce, ciphertext with tag.
 * A database dump without the key reveals nothing of her.
 */
public final class IdentityCipher {
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;

  private IdentityCipher(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the identity key must be 32 bytes (base64 in its file)");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  public static IdentityCipher of(byte[] key) {
    return new IdentityCipher(key.clone());
  }

  /** Reads the key file; a missing file or a key of the wrong size fails at start-up. */
  public static IdentityCipher fromFile(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      return new IdentityCipher(Base64.getDecoder().decode(text));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the identity key file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("identity key file " + file + ": " + e.getMessage(), e);
    }
  }

  public byte[] seal(Identity identity, String survivorId) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(survivorId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(identity.json().encode().getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(VERSION)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("identity could not be sealed", e);
    }
  }

  /** Opens what {@link #seal} made for this survivor; fails on any other key, survivor or edit. */
  public Identity open(byte[] sealed, String survivorId) {
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
      throw new IllegalStateException("not a sealed identity of version " + VERSION);
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      c.updateAAD(survivorId.getBytes(StandardCharsets.UTF_8));
      byte[] plain = c.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
      return Identity.of(new JsonObject(new String(plain, StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("identity does not open with this key for this survivor");
    }
  }
}

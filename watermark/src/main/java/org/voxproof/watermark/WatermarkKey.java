package org.voxproof.watermark;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A watermark key: a key id (as the KeyRing names it) and a raw 256-bit secret. Everything the
 * watermark hides (band and chip layout, payload encryption, integrity check) derives from the
 * secret. {@link #toString()} never prints the secret.
 */
public final class WatermarkKey {
  /** Secret length in bytes. */
  public static final int SECRET_BYTES = 32;

  private final String keyId;
  private final byte[] secret;

  public WatermarkKey(String keyId, byte[] secret) {
    if (keyId == null || keyId.isBlank()) {
      throw new IllegalArgumentException("key id is empty");
    }
    if (secret == null || secret.length != SECRET_BYTES) {
      throw new IllegalArgumentException("secret must be 32 bytes");
    }
    this.keyId = keyId;
    this.secret = secret.clone();
  }

  /** A new random key with a random key id. */
  public static WatermarkKey generate(SecureRandom random) {
    byte[] id = new byte[8];
    random.nextBytes(id);
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return new WatermarkKey("wm-" + HexFormat.of().formatHex(id), secret);
  }

  public String keyId() {
    return keyId;
  }

  /** A copy of the raw secret. */
  public byte[] secret() {
    return secret.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WatermarkKey k
        && k.keyId.equals(keyId)
        && MessageDigest.isEqual(k.secret, secret);
  }

  @Override
  public int hashCode() {
    return keyId.hashCode() * 31 + Arrays.hashCode(secret);
  }

  @Override
  public String toString() {
    return "WatermarkKey[" + keyId + ", secret=<hidden>]";
  }
}

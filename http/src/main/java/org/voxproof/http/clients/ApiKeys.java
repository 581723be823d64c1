package org.voxproof.http.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API key format: {@code vxk_<client id: 16 hex>_<secret: 32 random bytes, base64url>}. The id
 * finds the row; the stored SHA-256 of the whole key is compared in constant time. The prefix lets
 * secret scanners and the authentication handler recognise a VoxProof key.
 */
final class ApiKeys {
  static final String PREFIX = "vxk_";

  /** SPEC: RFC 4648 §5 base64url without padding: 32 bytes are 43 characters. */
  private static final Pattern KEY = Pattern.compile("vxk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  /** A new random client id. */
  static String newId() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A new key for client {@code id}, with a fresh 256-bit secret. */
  static String newKey(String id) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The client id a well-formed key names, or empty for anything else. */
  static Optional<String> idOf(String key) {
    Matcher m = KEY.matcher(key);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Lowercase hex SHA-256 of the key's UTF-8 bytes: what is stored. */
  static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Constant-time comparison of two hex hashes. */
  static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}

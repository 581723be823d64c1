package org.voxproof.consent.api;

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
 * Random identifiers and the owner's bearer secrets: invitations {@code vxi_<enrolment id>_<256
 * random bits, base64url>} and owner secrets {@code vxo_<enrolment id>_<...>}. Secrets are stored
 * only as SHA-256 (hex) and compared in constant time.
 */
final class Secrets {
  static final String INVITATION = "vxi_";
  static final String OWNER = "vxo_";
  static final Pattern ENROLMENT_ID = Pattern.compile("enr-[0-9a-f]{24}");
  private static final Pattern SECRET =
      Pattern.compile("vx[io]_(enr-[0-9a-f]{24})_[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** {@code prefix} + 24 random hex digits, e.g. {@code enr-3f...}. */
  static String id(String prefix) {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return prefix + "-" + HexFormat.of().formatHex(b);
  }

  static String newSecret(String prefix, String enrolmentId) {
    byte[] s = new byte[32];
    RANDOM.nextBytes(s);
    return prefix + enrolmentId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(s);
  }

  /** The enrolment a well-formed secret names. */
  static Optional<String> enrolmentOf(String secret) {
    Matcher m = SECRET.matcher(secret);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean sameHash(String stored, String presented) {
    return stored != null
        && MessageDigest.isEqual(
            stored.getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.US_ASCII));
  }
}

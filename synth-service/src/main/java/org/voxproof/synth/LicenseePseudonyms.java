package org.voxproof.synth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The licensee pseudonym that manifests and ledger records carry instead of the licensee's id
 * (DESIGN.md "Pseudonyms on public surfaces"): {@code lp-} + the first 16 bytes of HMAC-SHA256(key,
 * licensee id), hex. Only the holder of the key can link a pseudonym to a licensee.
 */
public final class LicenseePseudonyms {
  private final SecretKeySpec key;

  public LicenseePseudonyms(byte[] key) {
    if (key == null || key.length < 32) {
      throw new IllegalArgumentException("the pseudonym key must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  public String of(String licenseeId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] h = mac.doFinal(licenseeId.getBytes(StandardCharsets.UTF_8));
      return "lp-" + HexFormat.of().formatHex(h, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "LicenseePseudonyms[key=<hidden>]";
  }
}

package org.voxproof.consent.token.internal;

import static org.voxproof.consent.token.internal.Json.integer;
import static org.voxproof.consent.token.internal.Json.object;
import static org.voxproof.consent.token.internal.Json.string;
import static org.voxproof.consent.token.internal.Json.strings;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.voxproof.consent.token.ConsentClaims;
import org.voxproof.consent.token.ConsentGrant;
import org.voxproof.consent.token.StatusReference;
import org.voxproof.policy.Assurance;

/** A {@link ConsentGrant} as a JWT claims set, and back (strictly typed). */
public final class ClaimsCodec {
  private static final java.util.regex.Pattern HEX256 =
      java.util.regex.Pattern.compile("[0-9a-f]{64}");

  private ClaimsCodec() {}

  /** The claims set of {@code g} issued by {@code issuer}, in a stable member order. */
  public static Map<String, Object> toClaims(String issuer, ConsentGrant g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("iss", issuer);
    m.put("sub", g.voiceId());
    m.put("aud", g.licensee());
    m.put("iat", g.issuedAt().getEpochSecond());
    m.put("nbf", g.notBefore().getEpochSecond());
    m.put("exp", g.expiresAt().getEpochSecond());
    m.put("jti", g.tokenId());
    m.put(ConsentClaims.CONSENT_ID, g.consentId());
    m.put(ConsentClaims.OWNER_ID, g.ownerId());
    m.put(ConsentClaims.PURPOSES, List.copyOf(g.purposes()));
    m.put(ConsentClaims.LANGUAGES, List.copyOf(g.languages()));
    m.put(ConsentClaims.MAX_CHARS, (long) g.maxCharacters());
    m.put(ConsentClaims.ASSURANCE, g.assurance().code());
    m.put(ConsentClaims.EVIDENCE_SHA256, g.evidenceSha256());
    m.put(ConsentClaims.COMMITMENT, g.commitmentHex());
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put(ConsentClaims.IDX, g.status().index());
    ref.put(ConsentClaims.URI, g.status().uri());
    m.put(ConsentClaims.STATUS, Map.of(ConsentClaims.STATUS_LIST, ref));
    return m;
  }

  /**
   * The grant a verified claims set asserts.
   *
   * @throws Json.JsonShapeException for a missing claim or one of the wrong type
   * @throws IllegalArgumentException for a value the grant refuses
   */
  public static ConsentGrant fromClaims(Map<String, Object> c) throws Json.JsonShapeException {
    Map<String, Object> ref = object(object(c, ConsentClaims.STATUS), ConsentClaims.STATUS_LIST);
    String assurance = string(c, ConsentClaims.ASSURANCE);
    long maxChars = integer(c, ConsentClaims.MAX_CHARS);
    if (maxChars < 1 || maxChars > ConsentGrant.MAX_CHARACTERS_LIMIT) {
      throw new IllegalArgumentException("max_chars out of range");
    }
    String commitment = string(c, ConsentClaims.COMMITMENT);
    if (!HEX256.matcher(commitment).matches()) {
      throw new IllegalArgumentException("commitment must be 64 lowercase hex digits");
    }
    return new ConsentGrant(
        string(c, "jti"),
        string(c, ConsentClaims.CONSENT_ID),
        string(c, "sub"),
        string(c, ConsentClaims.OWNER_ID),
        string(c, "aud"),
        new LinkedHashSet<>(strings(c, ConsentClaims.PURPOSES, 16)),
        new LinkedHashSet<>(strings(c, ConsentClaims.LANGUAGES, 16)),
        (int) maxChars,
        Assurance.fromCode(assurance)
            .orElseThrow(() -> new IllegalArgumentException("unknown assurance")),
        string(c, ConsentClaims.EVIDENCE_SHA256),
        HexFormat.of().parseHex(commitment),
        time(c, "iat"),
        time(c, "nbf"),
        time(c, "exp"),
        new StatusReference(string(ref, ConsentClaims.URI), integer(ref, ConsentClaims.IDX)));
  }

  private static Instant time(Map<String, Object> c, String name) throws Json.JsonShapeException {
    long s = integer(c, name);
    if (s < 0 || s > 253_402_300_799L) { // SPEC: RFC 7519 §2 NumericDate, up to year 9999
      throw new IllegalArgumentException(name + " out of range");
    }
    return Instant.ofEpochSecond(s);
  }
}

package org.voxproof.consent.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.voxproof.consent.token.internal.Json;
import org.voxproof.consent.token.internal.JwsChecks;
import org.voxproof.provenance.KeyRingException;
import org.voxproof.provenance.TokenKeys;

/**
 * A Status List Token in JWT format, signed with the consent-token key. SPEC:
 * draft-ietf-oauth-status-list §5.1: header {@code typ} {@value ConsentClaims#STATUS_LIST_TYPE};
 * claims {@code sub} (the list's URI, equal to the referenced token's {@code status_list.uri}),
 * {@code iat}, {@code exp}, {@code ttl} and {@code status_list {bits, lst}}; we also set {@code
 * iss}, which must then equal the referenced token's.
 */
public final class StatusListToken {
  /** Longest Status List Token accepted (a full 1 MiB list compresses far below this). */
  public static final int MAX_LENGTH = 2 * StatusList.MAX_BYTES;

  private StatusListToken() {}

  /**
   * A list as verified.
   *
   * @param list the statuses
   * @param issuedAt {@code iat}
   * @param expiresAt {@code exp}, if present
   * @param ttl {@code ttl}, if present: how long it may be cached
   */
  public record Verified(
      StatusList list, Instant issuedAt, Optional<Instant> expiresAt, Optional<Duration> ttl) {
    public Verified {
      Objects.requireNonNull(list, "list");
      Objects.requireNonNull(issuedAt, "issuedAt");
      Objects.requireNonNull(expiresAt, "expiresAt");
      Objects.requireNonNull(ttl, "ttl");
    }
  }

  /**
   * Signs list {@code uri} issued at {@code iat}, valid for {@code validity}, cacheable for {@code
   * ttl}.
   */
  public static String sign(
      TokenKeys keys,
      String issuer,
      String uri,
      StatusList list,
      Instant iat,
      Duration ttl,
      Duration validity)
      throws KeyRingException {
    if (ttl.getSeconds() < 1 || validity.compareTo(ttl) < 0) {
      throw new IllegalArgumentException("ttl >= 1 s and validity >= ttl");
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("iss", issuer);
    c.put("sub", uri);
    c.put("iat", iat.getEpochSecond());
    c.put("exp", iat.plus(validity).getEpochSecond());
    c.put(ConsentClaims.TTL, ttl.getSeconds());
    Map<String, Object> sl = new LinkedHashMap<>();
    sl.put(ConsentClaims.BITS, (long) list.bits());
    sl.put(ConsentClaims.LST, list.encode());
    c.put(ConsentClaims.STATUS_LIST, sl);
    JWSObject jws =
        new JWSObject(
            keys.header().type(new JOSEObjectType(ConsentClaims.STATUS_LIST_TYPE)).build(),
            new Payload(c));
    try {
      jws.sign(keys.signer());
    } catch (JOSEException e) {
      throw new KeyRingException("status list signing failed: " + e.getMessage(), e);
    }
    return jws.serialize();
  }

  /**
   * Verifies a Status List Token fetched for {@code uri}: header, signature, {@code iss}, {@code
   * sub}, {@code iat}, {@code exp}, {@code ttl} and the list itself. Any failure means the status
   * is unknown, never "valid".
   *
   * @throws StatusUnavailableException when anything does not verify
   */
  public static Verified verify(
      String jwt, String issuer, String uri, TokenKeySource keys, Instant now, Duration skew)
      throws StatusUnavailableException {
    try {
      JwsChecks.Parts jws = JwsChecks.parse(jwt, ConsentClaims.STATUS_LIST_TYPE, MAX_LENGTH);
      JwsChecks.verifySignature(jws, keys);
      Map<String, Object> c = JwsChecks.claims(jws);
      return claims(c, issuer, uri, now, skew);
    } catch (InvalidTokenException | Json.JsonShapeException | IllegalArgumentException e) {
      throw new StatusUnavailableException("status list did not verify: " + e.getMessage(), e);
    }
  }

  private static Verified claims(
      Map<String, Object> c, String issuer, String uri, Instant now, Duration skew)
      throws Json.JsonShapeException, StatusUnavailableException {
    if (!uri.equals(Json.string(c, "sub"))) {
      throw new IllegalArgumentException("sub is not the list's URI");
    }
    if (c.containsKey("iss") && !issuer.equals(Json.string(c, "iss"))) {
      throw new IllegalArgumentException("iss is not the token's issuer");
    }
    Instant iat = Instant.ofEpochSecond(Json.integer(c, "iat"));
    if (iat.isAfter(now.plus(skew))) {
      throw new IllegalArgumentException("iat in the future");
    }
    Optional<Instant> exp = Optional.empty();
    if (c.containsKey("exp")) {
      exp = Optional.of(Instant.ofEpochSecond(Json.integer(c, "exp")));
      if (!exp.get().isAfter(now.minus(skew))) {
        throw new StatusUnavailableException("status list expired");
      }
    }
    Optional<Duration> ttl = Optional.empty();
    if (c.containsKey(ConsentClaims.TTL)) {
      long t = Json.integer(c, ConsentClaims.TTL);
      if (t < 1) {
        throw new IllegalArgumentException("ttl must be positive");
      }
      ttl = Optional.of(Duration.ofSeconds(t));
    }
    Map<String, Object> sl = Json.object(c, ConsentClaims.STATUS_LIST);
    long bits = Json.integer(sl, ConsentClaims.BITS);
    if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
      throw new IllegalArgumentException("bits must be 1, 2, 4 or 8");
    }
    StatusList list = StatusList.decode((int) bits, Json.string(sl, ConsentClaims.LST));
    return new Verified(list, iat, exp, ttl);
  }
}

package org.voxproof.consent.token.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.voxproof.consent.token.InvalidTokenException;
import org.voxproof.consent.token.StatusUnavailableException;
import org.voxproof.consent.token.TokenKeySource;

/**
 * The checks every JWS we accept passes: a compact JWS of bounded size whose protected header holds
 * exactly {@code alg} ES256, a {@code kid} and our {@code typ} — nothing else. So {@code none},
 * HS*, RS*, {@code jku}, {@code x5u}, {@code jwk}, {@code x5c}, {@code crit} (also {@code b64}) and
 * JWE are refused before any key is touched; then the signature over the exact signing input, and
 * only then is the payload parsed. SPEC: RFC 8725 §3.1 (algorithm allow-list), §3.11 (explicit
 * typing); RFC 7515 §5.2 (validation).
 *
 * <p>Headers that passed are remembered by their exact base64url text (all tokens of one key share
 * it), so a token's header is parsed once, not once per token.
 */
public final class JwsChecks {
  /** The one algorithm accepted. */
  public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

  private static final Set<String> ALLOWED_HEADER = Set.of("alg", "kid", "typ");
  private static final int HEADER_CACHE = 64;
  private static final Map<String, JWSHeader> CHECKED = new ConcurrentHashMap<>();

  private JwsChecks() {}

  /**
   * A compact JWS split into its parts, header checked, signature not yet.
   *
   * @param header the checked protected header
   * @param signingInput ASCII of {@code header.payload}
   * @param payload the payload part (base64url)
   * @param signature the signature part
   */
  @SuppressWarnings("ArrayRecordComponent") // internal, never shared
  public record Parts(JWSHeader header, byte[] signingInput, String payload, Base64URL signature) {}

  /** Splits {@code compact} and checks its header against {@code typ}. */
  public static Parts parse(String compact, String typ, int maxLength)
      throws InvalidTokenException {
    if (compact == null || compact.isEmpty()) {
      throw new InvalidTokenException("no token");
    }
    if (compact.length() > maxLength) {
      throw new InvalidTokenException("token longer than " + maxLength + " characters");
    }
    int d1 = compact.indexOf('.');
    int d2 = d1 < 0 ? -1 : compact.indexOf('.', d1 + 1);
    if (d1 < 1 || d2 < 0 || compact.indexOf('.', d2 + 1) >= 0 || d2 == compact.length() - 1) {
      throw new InvalidTokenException("not a compact JWS (three dot-separated parts)");
    }
    JWSHeader h = header(compact.substring(0, d1), typ);
    for (int i = 0; i < d2; i++) {
      if (compact.charAt(i) > 0x7f) {
        throw new InvalidTokenException("not a JWS: non-ASCII characters");
      }
    }
    return new Parts(
        h,
        compact.substring(0, d2).getBytes(StandardCharsets.US_ASCII),
        compact.substring(d1 + 1, d2),
        new Base64URL(compact.substring(d2 + 1)));
  }

  private static JWSHeader header(String b64, String typ) throws InvalidTokenException {
    String key = typ + '\n' + b64;
    JWSHeader h = CHECKED.get(key);
    if (h != null) {
      return h;
    }
    try {
      h = JWSHeader.parse(new Base64URL(b64));
    } catch (ParseException | RuntimeException e) {
      throw new InvalidTokenException("not a JWS: " + e.getMessage(), e);
    }
    checkHeader(h, typ);
    if (CHECKED.size() >= HEADER_CACHE) {
      CHECKED.clear();
    }
    CHECKED.put(key, h);
    return h;
  }

  private static void checkHeader(JWSHeader h, String typ) throws InvalidTokenException {
    Set<String> extra = new TreeSet<>(h.getIncludedParams());
    extra.removeAll(ALLOWED_HEADER);
    if (!extra.isEmpty()) {
      throw new InvalidTokenException("header parameters not accepted: " + extra);
    }
    if (!ALGORITHM.equals(h.getAlgorithm())) {
      throw new InvalidTokenException("algorithm not accepted: " + h.getAlgorithm());
    }
    if (h.getKeyID() == null || h.getKeyID().isEmpty()) {
      throw new InvalidTokenException("no kid");
    }
    if (!typeMatches(h.getType(), typ)) {
      throw new InvalidTokenException("typ must be " + typ);
    }
  }

  /** SPEC: RFC 7515 §4.1.9: compare case-insensitively, "application/" may be left out. */
  private static boolean typeMatches(JOSEObjectType t, String expected) {
    if (t == null) {
      return false;
    }
    String v = t.getType().toLowerCase(Locale.ROOT);
    if (v.startsWith("application/")) {
      v = v.substring("application/".length());
    }
    return v.equals(expected);
  }

  /**
   * Checks the signature with the key named by {@code kid}.
   *
   * @throws InvalidTokenException unknown key or a bad signature
   * @throws StatusUnavailableException the key source cannot answer
   */
  public static void verifySignature(Parts jws, TokenKeySource keys)
      throws InvalidTokenException, StatusUnavailableException {
    Optional<JWSVerifier> v = keys.verifier(jws.header().getKeyID());
    if (v.isEmpty()) {
      throw new InvalidTokenException("unknown kid");
    }
    boolean ok;
    try {
      ok = v.get().verify(jws.header(), jws.signingInput(), jws.signature());
    } catch (JOSEException | RuntimeException e) {
      throw new InvalidTokenException("signature check failed: " + e.getMessage(), e);
    }
    if (!ok) {
      throw new InvalidTokenException("bad signature");
    }
  }

  /** The payload as a JSON object (after the signature was checked). */
  public static Map<String, Object> claims(Parts jws) throws InvalidTokenException {
    byte[] json;
    try {
      json = java.util.Base64.getUrlDecoder().decode(jws.payload());
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("payload is not base64url", e);
    }
    try {
      return JsonParse.object(json);
    } catch (IOException e) {
      throw new InvalidTokenException("payload is not a JSON object: " + e.getMessage(), e);
    }
  }
}

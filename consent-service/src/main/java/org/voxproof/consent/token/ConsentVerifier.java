package org.voxproof.consent.token;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.voxproof.consent.token.internal.ClaimsCodec;
import org.voxproof.consent.token.internal.Json;
import org.voxproof.consent.token.internal.JwsChecks;

/**
 * Checks consent tokens and hands out {@link VerifiedConsent}s. A token passes when its header is
 * exactly {@code alg} ES256 + a known {@code kid} + {@code typ} {@value ConsentClaims#TYPE} (so
 * {@code none}, HS*, {@code jku}/{@code x5u}/{@code jwk}/{@code x5c}/{@code crit} are refused
 * before any key is touched), its signature verifies, {@code iss} is the configured issuer, it is
 * inside {@code nbf}..{@code exp} (with a bounded clock skew), {@code aud} is the caller's
 * organisation, and its status-list entry says valid.
 *
 * <p>First sight costs one ES256 verification plus parsing; the verified claims are then cached by
 * the exact token text until {@code exp} (bounded in count), and a repeated token costs a map
 * lookup, the time and audience checks, and a status read — which the {@link StatusSource} serves
 * from a list at most its {@code ttl} old. Thread-safe; may block on the network or database: call
 * it from a worker pool.
 *
 * <pre>{@code
 * ConsentVerifier v = ConsentVerifier.builder().remote(URI.create("https://consent.example")).build();
 * VerifiedConsent c = v.verify(token, principal.organisation());
 * }</pre>
 */
public final class ConsentVerifier {
  /** Longest token accepted. */
  public static final int MAX_TOKEN_LENGTH = 8192;

  /** Largest clock skew the builder accepts. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private record Entry(VerifiedConsent consent, long keyGeneration) {}

  private final String issuer;
  private final TokenKeySource keys;
  private final StatusSource status;
  private final Clock clock;
  private final Duration skew;
  private final int cacheSize;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  private ConsentVerifier(Builder b) {
    this.issuer = Issuers.check(Objects.requireNonNull(b.issuer, "issuer"));
    this.keys = Objects.requireNonNull(b.keys, "keys");
    this.status = Objects.requireNonNull(b.status, "statusSource");
    this.clock = b.clock;
    this.skew = b.skew;
    this.cacheSize = b.cacheSize;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies {@code token} for a caller acting for {@code audience} (the licensee organisation).
   *
   * @throws InvalidTokenException {@code invalid_token}: does not verify
   * @throws ConsentExpiredException {@code consent_expired}
   * @throws OutOfScopeException {@code out_of_scope}: a genuine token for another audience
   * @throws ConsentRevokedException {@code consent_revoked}
   * @throws StatusUnavailableException the keys or the status cannot be read now (fail closed)
   */
  public VerifiedConsent verify(String token, String audience)
      throws ConsentTokenException, StatusUnavailableException {
    Objects.requireNonNull(audience, "audience");
    Entry e = token == null ? null : cache.get(token);
    VerifiedConsent v;
    if (e != null && e.keyGeneration() == keys.generation()) {
      v = e.consent();
    } else {
      long generation = keys.generation();
      v = firstSight(token);
      remember(token, new Entry(v, generation));
    }
    Instant now = clock.instant();
    checkTime(v, now, token);
    if (!v.licensee().equals(audience)) {
      throw new OutOfScopeException("the token is for another licensee");
    }
    checkStatus(v);
    return v;
  }

  private VerifiedConsent firstSight(String token)
      throws InvalidTokenException, StatusUnavailableException {
    JwsChecks.Parts jws = JwsChecks.parse(token, ConsentClaims.TYPE, MAX_TOKEN_LENGTH);
    JwsChecks.verifySignature(jws, keys);
    Map<String, Object> claims = JwsChecks.claims(jws);
    try {
      if (!issuer.equals(Json.string(claims, "iss"))) {
        throw new InvalidTokenException("issuer not accepted");
      }
      VerifiedConsent v = new VerifiedConsent(issuer, ClaimsCodec.fromClaims(claims));
      if (Issuers.listNumber(issuer, v.grant().status().uri()).isEmpty()) {
        throw new InvalidTokenException("status uri is not one of the issuer's lists");
      }
      return v;
    } catch (Json.JsonShapeException | IllegalArgumentException ex) {
      throw new InvalidTokenException("claims not accepted: " + ex.getMessage(), ex);
    }
  }

  private void checkTime(VerifiedConsent v, Instant now, String token)
      throws ConsentExpiredException, InvalidTokenException {
    if (!now.isBefore(v.expiresAt().plus(skew))) {
      cache.remove(token);
      throw new ConsentExpiredException("the consent token expired at " + v.expiresAt());
    }
    if (now.plus(skew).isBefore(v.notBefore()) || now.plus(skew).isBefore(v.issuedAt())) {
      throw new InvalidTokenException("the token is not valid yet");
    }
  }

  private void checkStatus(VerifiedConsent v)
      throws ConsentTokenException, StatusUnavailableException {
    int s = status.status(v.grant().status().uri(), v.grant().status().index());
    if (s == StatusList.VALID) {
      return;
    }
    if (s == StatusList.INVALID || s == StatusList.SUSPENDED) {
      throw new ConsentRevokedException("the consent was revoked");
    }
    throw new InvalidTokenException("unknown status " + s);
  }

  private void remember(String token, Entry e) {
    if (cache.size() >= cacheSize) {
      Instant now = clock.instant();
      cache.values().removeIf(x -> !now.isBefore(x.consent().expiresAt().plus(skew)));
      if (cache.size() >= cacheSize) {
        cache.clear();
      }
    }
    cache.put(token, e);
  }

  /** Forgets every cached verification. */
  public void clearCache() {
    cache.clear();
  }

  @Override
  public String toString() {
    return "ConsentVerifier[" + issuer + "]";
  }

  /** Options; issuer, keys and status source are required ({@link #remote} sets all three). */
  public static final class Builder {
    private String issuer;
    private TokenKeySource keys;
    private StatusSource status;
    private Clock clock = Clock.systemUTC();
    private Duration skew = Duration.ofSeconds(30);
    private int cacheSize = 100_000;

    private Builder() {}

    /** The {@code iss} tokens must carry: the consent service's public base URL. */
    public Builder issuer(String i) {
      this.issuer = i;
      return this;
    }

    public Builder keys(TokenKeySource k) {
      this.keys = k;
      return this;
    }

    public Builder statusSource(StatusSource s) {
      this.status = s;
      return this;
    }

    /**
     * Verifies against the consent service at {@code base} (also the expected issuer): its JWK set
     * and its Status List Tokens over HTTP(S), with the JDK's TLS trust.
     */
    public Builder remote(URI base) {
      return remote(RemoteService.at(base));
    }

    /** Verifies against a remote consent service: its JWK set and Status List Tokens. */
    public Builder remote(RemoteService service) {
      JwksClient jwks = JwksClient.builder(service).build();
      this.issuer = service.issuer();
      this.keys = jwks;
      this.status = StatusListClient.builder(service, jwks).clockSkew(skew).build();
      return this;
    }

    /** The clock of the time checks (tests). */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c);
      return this;
    }

    /** Tolerated clock difference (default 30 s, at most 5 min). */
    public Builder clockSkew(Duration d) {
      if (d.isNegative() || d.compareTo(MAX_SKEW) > 0) {
        throw new IllegalArgumentException("clock skew must be 0.." + MAX_SKEW);
      }
      this.skew = d;
      return this;
    }

    /** Most verified tokens kept (default 100,000). */
    public Builder cacheSize(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("cacheSize must be >= 1");
      }
      this.cacheSize = n;
      return this;
    }

    public ConsentVerifier build() {
      return new ConsentVerifier(this);
    }
  }
}

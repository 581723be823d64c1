package org.voxproof.consent.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.voxproof.consent.token.internal.EcVerifiers;
import org.voxproof.consent.token.internal.HttpFetch;

/**
 * The consent service's token keys over HTTP ({@code GET <base>/.well-known/jwks.json}). Keys are
 * fetched on first use, again when a token names an unknown {@code kid} (at most once per {@link
 * Builder#minRefresh}, so a flood of made-up kids cannot turn into a flood of fetches), and at
 * least every {@link Builder#maxAge}. Only public EC P-256 ES256 signature keys are taken.
 */
public final class JwksClient implements TokenKeySource {
  private static final Logger LOG = Logger.getLogger(JwksClient.class.getName());
  private static final int MAX_BYTES = 256 * 1024;

  private final URI uri;
  private final HttpFetch http;
  private final Clock clock;
  private final Duration minRefresh;
  private final Duration maxAge;
  private volatile Map<String, JWSVerifier> keys = Map.of();
  private volatile Instant fetchedAt = Instant.MIN;
  private volatile long generation;

  private JwksClient(Builder b) {
    this.uri = b.service.resolve(ConsentClaims.JWKS_PATH);
    this.http = new HttpFetch(b.service.ssl(), b.service.timeout());
    this.clock = b.service.clock();
    this.minRefresh = b.minRefresh;
    this.maxAge = b.maxAge;
  }

  /** A client of the keys of {@code service}. */
  public static Builder builder(RemoteService service) {
    return new Builder(Objects.requireNonNull(service));
  }

  @Override
  public Optional<JWSVerifier> verifier(String kid) throws StatusUnavailableException {
    Instant now = clock.instant();
    Map<String, JWSVerifier> k = keys;
    boolean stale = !now.isBefore(fetchedAt.plus(maxAge));
    boolean unknown = !k.containsKey(kid) && !now.isBefore(fetchedAt.plus(minRefresh));
    if (stale || unknown) {
      k = refresh(k.isEmpty());
    }
    return Optional.ofNullable(k.get(kid));
  }

  @Override
  public long generation() {
    return generation;
  }

  private synchronized Map<String, JWSVerifier> refresh(boolean mustSucceed)
      throws StatusUnavailableException {
    Instant now = clock.instant();
    if (now.isBefore(fetchedAt.plus(minRefresh)) && !keys.isEmpty()) {
      return keys; // another thread refreshed meanwhile
    }
    try {
      Map<String, JWSVerifier> fresh = parse(http.get(uri, "application/json", MAX_BYTES));
      if (!fresh.keySet().equals(keys.keySet())) {
        generation++;
      }
      keys = fresh;
      fetchedAt = now;
      return fresh;
    } catch (IOException | ParseException e) {
      if (mustSucceed) {
        throw new StatusUnavailableException("token keys unavailable: " + e.getMessage(), e);
      }
      LOG.warning("token keys not refreshed, keeping the known ones: " + e.getMessage());
      fetchedAt = now.minus(maxAge).plus(minRefresh); // retry after minRefresh
      return keys;
    }
  }

  private static Map<String, JWSVerifier> parse(byte[] body) throws ParseException {
    JWKSet set = JWKSet.parse(new String(body, StandardCharsets.UTF_8));
    Map<String, JWSVerifier> out = new HashMap<>();
    for (JWK jwk : set.getKeys()) {
      try {
        out.putIfAbsent(jwk.getKeyID(), EcVerifiers.of(jwk));
      } catch (JOSEException e) {
        LOG.fine("skipping an unusable key: " + e.getMessage());
      }
    }
    return Map.copyOf(out);
  }

  @Override
  public String toString() {
    return "JwksClient[" + uri + "]";
  }

  /** Refresh options. */
  public static final class Builder {
    private final RemoteService service;
    private Duration minRefresh = Duration.ofSeconds(10);
    private Duration maxAge = Duration.ofHours(1);

    private Builder(RemoteService service) {
      this.service = service;
    }

    /** Least time between two fetches for unknown kids (default 10 s). */
    public Builder minRefresh(Duration d) {
      this.minRefresh = Objects.requireNonNull(d);
      return this;
    }

    /** Longest time the keys are used without a fetch (default 1 h). */
    public Builder maxAge(Duration d) {
      this.maxAge = Objects.requireNonNull(d);
      return this;
    }

    public JwksClient build() {
      return new JwksClient(this);
    }
  }
}

package org.voxproof.consent.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.voxproof.consent.token.internal.HttpFetch;

/**
 * Reads a remote consent service's Status List Tokens ({@code GET <base>/v1/status-lists/<n>},
 * {@code Accept: application/statuslist+jwt}), verifies each with the token keys, and caches it for
 * its {@code ttl} (never past its {@code exp}, never longer than {@link Builder#maxAge}). One fetch
 * per list at a time; when a list is stale and cannot be fetched, the status is unknown and
 * verification fails closed. Only URIs of the configured issuer are ever fetched (no SSRF through a
 * token's {@code uri}).
 */
public final class StatusListClient implements StatusSource {
  private record Cached(StatusList list, Instant freshUntil) {}

  private final String issuer;
  private final RemoteService service;
  private final TokenKeySource keys;
  private final HttpFetch http;
  private final Clock clock;
  private final Duration defaultTtl;
  private final Duration maxAge;
  private final Duration skew;
  private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();
  private final Map<Integer, Object> locks = new ConcurrentHashMap<>();

  private StatusListClient(Builder b) {
    this.service = b.service;
    this.issuer = service.issuer();
    this.keys = b.keys;
    this.http = new HttpFetch(service.ssl(), service.timeout());
    this.clock = service.clock();
    this.defaultTtl = b.defaultTtl;
    this.maxAge = b.maxAge;
    this.skew = b.skew;
  }

  /** A client of the lists of {@code service}, verified with {@code keys}. */
  public static Builder builder(RemoteService service, TokenKeySource keys) {
    return new Builder(Objects.requireNonNull(service), Objects.requireNonNull(keys));
  }

  @Override
  public int status(String uri, long index)
      throws InvalidTokenException, StatusUnavailableException {
    int n =
        Issuers.listNumber(issuer, uri)
            .orElseThrow(() -> new InvalidTokenException("status uri is not one of the issuer's"));
    StatusList list = fresh(n, uri);
    if (index >= list.size()) {
      throw new InvalidTokenException("status index outside the list");
    }
    return list.status(index);
  }

  private StatusList fresh(int n, String uri) throws StatusUnavailableException {
    Cached c = cache.get(n);
    if (c != null && clock.instant().isBefore(c.freshUntil())) {
      return c.list();
    }
    synchronized (locks.computeIfAbsent(n, k -> new Object())) {
      c = cache.get(n);
      Instant now = clock.instant();
      if (c != null && now.isBefore(c.freshUntil())) {
        return c.list(); // another thread fetched it meanwhile
      }
      StatusListToken.Verified v = fetch(n, uri, now);
      Instant until = now.plus(v.ttl().orElse(defaultTtl));
      if (until.isAfter(now.plus(maxAge))) {
        until = now.plus(maxAge);
      }
      if (v.expiresAt().isPresent() && until.isAfter(v.expiresAt().get())) {
        until = v.expiresAt().get();
      }
      cache.put(n, new Cached(v.list(), until));
      return v.list();
    }
  }

  private StatusListToken.Verified fetch(int n, String uri, Instant now)
      throws StatusUnavailableException {
    byte[] body;
    try {
      body =
          http.get(
              service.resolve(ConsentClaims.STATUS_LIST_PATH + n),
              ConsentClaims.STATUS_LIST_MEDIA_TYPE,
              StatusListToken.MAX_LENGTH);
    } catch (IOException e) {
      throw new StatusUnavailableException("status list unavailable: " + e.getMessage(), e);
    }
    String jwt = new String(body, StandardCharsets.US_ASCII).strip();
    return StatusListToken.verify(jwt, issuer, uri, keys, now, skew);
  }

  /** Forgets every cached list (the next status read fetches). */
  public void invalidate() {
    cache.clear();
  }

  @Override
  public String toString() {
    return "StatusListClient[" + issuer + "]";
  }

  /** Cache options. */
  public static final class Builder {
    private final RemoteService service;
    private final TokenKeySource keys;
    private Duration defaultTtl = Duration.ofSeconds(1);
    private Duration maxAge = Duration.ofMinutes(5);
    private Duration skew = Duration.ofSeconds(30);

    private Builder(RemoteService service, TokenKeySource keys) {
      this.service = service;
      this.keys = keys;
    }

    /** How long a list without {@code ttl} is cached (default 1 s). */
    public Builder defaultTtl(Duration d) {
      this.defaultTtl = positive(d);
      return this;
    }

    /** The longest any list is cached, whatever its {@code ttl} says (default 5 min). */
    public Builder maxAge(Duration d) {
      this.maxAge = positive(d);
      return this;
    }

    /** Tolerated clock difference for {@code iat}/{@code exp} (default 30 s). */
    public Builder clockSkew(Duration d) {
      this.skew = Objects.requireNonNull(d);
      return this;
    }

    private static Duration positive(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("duration must be positive");
      }
      return d;
    }

    public StatusListClient build() {
      return new StatusListClient(this);
    }
  }
}

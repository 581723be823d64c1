package org.voxproof.consent.token;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How to reach a remote consent service: its base URL (also the issuer its tokens name), TLS trust
 * (null: the JDK's), the timeout of each request and the clock caches are aged by.
 */
public record RemoteService(URI base, SSLContext ssl, Duration timeout, Clock clock) {
  public RemoteService {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(clock, "clock");
    Issuers.check(trim(base.toString()));
  }

  /** The service at {@code base}, JDK trust, 5 s timeout, system clock. */
  public static RemoteService at(URI base) {
    return new RemoteService(base, null, Duration.ofSeconds(5), Clock.systemUTC());
  }

  public RemoteService withSsl(SSLContext s) {
    return new RemoteService(base, s, timeout, clock);
  }

  public RemoteService withTimeout(Duration t) {
    return new RemoteService(base, ssl, t, clock);
  }

  public RemoteService withClock(Clock c) {
    return new RemoteService(base, ssl, timeout, c);
  }

  /** The base URL without a trailing slash: the issuer its tokens name. */
  public String issuer() {
    return trim(base.toString());
  }

  /** The URL of {@code path} (which starts with a slash) on this service. */
  URI resolve(String path) {
    return URI.create(issuer() + path);
  }

  private static String trim(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}

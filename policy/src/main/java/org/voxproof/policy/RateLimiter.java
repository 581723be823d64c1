package org.voxproof.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Token-bucket rate limiting per client, as a pure function of the previous bucket state and the
 * time: the caller keeps the state (e.g. a concurrent map updated atomically). A new client starts
 * with a full bucket; a clock that goes backwards refills nothing.
 */
public final class RateLimiter {
  private final UsageRules rules;

  RateLimiter(UsageRules rules) {
    this.rules = rules;
  }

  /** Takes one token from {@code clientId}'s bucket, if there is one. */
  public RateResult acquire(String clientId, Optional<TokenBucket> previous, Instant now) {
    RateLimit limit = rules.rateLimitFor(clientId);
    double tokens = previous.map(b -> refill(b, limit, now)).orElse((double) limit.burst());
    if (tokens >= 1) {
      return new RateResult(new TokenBucket(tokens - 1, now), Decision.allow());
    }
    long wait = (long) Math.ceil((1 - tokens) / limit.requestsPerSecond());
    return new RateResult(
        new TokenBucket(tokens, now),
        Decision.denyRetryAfter(
            Reason.RATE_LIMITED,
            "rate limit " + limit.requestsPerSecond() + "/s, burst " + limit.burst(),
            Math.max(1, wait)));
  }

  private static double refill(TokenBucket b, RateLimit limit, Instant now) {
    Duration elapsed = Duration.between(b.updated(), now);
    double seconds = elapsed.isNegative() ? 0 : elapsed.getSeconds() + elapsed.getNano() / 1e9;
    return Math.min(limit.burst(), b.tokens() + seconds * limit.requestsPerSecond());
  }
}

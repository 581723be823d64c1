package org.voxproof.detector.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.voxproof.http.Problems;
import org.voxproof.http.auth.BearerAuth;
import org.voxproof.policy.PolicyConfigException;
import org.voxproof.policy.PolicyEngine;
import org.voxproof.policy.RateLimit;
import org.voxproof.policy.RateLimiter;
import org.voxproof.policy.RateResult;
import org.voxproof.policy.TokenBucket;
import org.voxproof.policy.UsageRules;

/**
 * Per-key rate limiting of detection (DESIGN.md: "Detection is rate-limited per key"): one token
 * bucket per API client, the policy module's {@link RateLimiter} deciding; an anonymous caller (the
 * public soft-binding routes) is limited by its remote address. A refusal is 429 {@code
 * rate_limited} with {@code Retry-After}.
 */
public final class KeyRateLimits {
  private static final int MAX_BUCKETS = 100_000;

  private final RateLimiter limiter;
  private final String scope;
  private final Clock clock;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param scope a prefix that keeps these buckets apart from others on the same limiter (e.g.
   *     {@code detect})
   */
  public KeyRateLimits(RateLimiter limiter, String scope, Clock clock) {
    this.limiter = Objects.requireNonNull(limiter);
    this.scope = Objects.requireNonNull(scope);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Limits of {@code perSecond} requests a second with bursts of {@code burst}, on the UTC clock.
   */
  public static KeyRateLimits of(double perSecond, int burst, String scope) {
    try {
      UsageRules rules = UsageRules.builder().rateLimit(new RateLimit(perSecond, burst)).build();
      return new KeyRateLimits(
          PolicyEngine.builder().rules(rules).build().rateLimiter(), scope, Clock.systemUTC());
    } catch (PolicyConfigException e) {
      throw new IllegalStateException("the shipped policy does not load", e);
    }
  }

  /** Takes a token from {@code key}'s bucket; the result says whether, and when to retry. */
  public RateResult acquire(String key) {
    Instant now = clock.instant();
    RateResult[] out = new RateResult[1];
    buckets.compute(
        scope + ":" + key,
        (k, prev) -> {
          out[0] = limiter.acquire(k, Optional.ofNullable(prev), now);
          return out[0].next();
        });
    if (buckets.size() > MAX_BUCKETS) {
      buckets.values().removeIf(b -> b.updated().isBefore(now.minus(Duration.ofHours(1))));
    }
    return out[0];
  }

  /**
   * A route handler: lets the request on with a token, else answers 429 {@code rate_limited} with
   * {@code Retry-After}. Keyed by the API client, or the remote address when anonymous.
   */
  public Handler<RoutingContext> handler() {
    return ctx -> {
      String key =
          BearerAuth.principal(ctx)
              .map(p -> "key:" + p.id())
              .orElseGet(() -> "addr:" + remote(ctx));
      RateResult r = acquire(key);
      if (r.allowed()) {
        ctx.next();
        return;
      }
      long retry = r.decision().retryAfterSeconds().orElse(1);
      ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, retry)));
      Problems.refuse(ctx, 429, "rate_limited", "Too many requests", List.of("rate_limited"));
    };
  }

  private static String remote(RoutingContext ctx) {
    var a = ctx.request().remoteAddress();
    return a == null ? "unknown" : a.hostAddress();
  }
}

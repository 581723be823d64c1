package org.voxproof.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

  private final RateLimiter limiter =
      new RateLimiter(
          UsageRules.builder()
              .rateLimit(new RateLimit(5, 3))
              .rateLimit("slow", new RateLimit(0.1, 1))
              .build());

  @Test
  void acquire_newClient_burstThenRateLimited() {
    Optional<TokenBucket> state = Optional.empty();
    for (int i = 0; i < 3; i++) {
      RateResult r = limiter.acquire("c", state, T0);
      assertThat(r.allowed()).isTrue();
      state = Optional.of(r.next());
    }
    RateResult r = limiter.acquire("c", state, T0);
    assertThat(r.decision().reasonCodes()).containsExactly("rate_limited");
    assertThat(r.decision().retryAfterSeconds()).isEqualTo(OptionalLong.of(1));
  }

  @Test
  void acquire_afterRefillTime_allowedAgain() {
    TokenBucket empty = new TokenBucket(0, T0);
    assertThat(limiter.acquire("c", Optional.of(empty), T0.plusMillis(199)).allowed()).isFalse();
    RateResult r = limiter.acquire("c", Optional.of(empty), T0.plusMillis(200));
    assertThat(r.allowed()).isTrue();
    assertThat(r.next().tokens()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void acquire_refillCappedAtBurst() {
    TokenBucket empty = new TokenBucket(0, T0);
    RateResult r = limiter.acquire("c", Optional.of(empty), T0.plus(Duration.ofDays(400_000)));
    assertThat(r.next().tokens()).isEqualTo(2.0);
  }

  @Test
  void acquire_slowClient_retryAfterFromItsOwnRate() {
    RateResult first = limiter.acquire("slow", Optional.empty(), T0);
    RateResult second = limiter.acquire("slow", Optional.of(first.next()), T0.plusSeconds(3));
    assertThat(second.decision().retryAfterSeconds()).isEqualTo(OptionalLong.of(7));
  }

  @Test
  void acquire_clockBackwards_refillsNothing() {
    TokenBucket empty = new TokenBucket(0, T0);
    assertThat(limiter.acquire("c", Optional.of(empty), T0.minusSeconds(60)).allowed()).isFalse();
  }
}

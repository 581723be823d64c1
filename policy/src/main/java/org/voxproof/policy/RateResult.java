package org.voxproof.policy;

import java.util.Objects;

/**
 * The outcome of one rate-limit check: the bucket state to keep, and the decision (refused with
 * {@code rate_limited} and a Retry-After in whole seconds when the bucket is empty).
 */
public record RateResult(TokenBucket next, Decision decision) {
  public RateResult {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(decision, "decision");
  }

  public boolean allowed() {
    return decision.allowed();
  }
}

package org.voxproof.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of one client's token bucket, kept by the caller between requests.
 *
 * @param tokens tokens left (fractional)
 * @param updated when {@code tokens} was computed
 */
public record TokenBucket(double tokens, Instant updated) {
  public TokenBucket {
    if (!(tokens >= 0) || Double.isInfinite(tokens)) {
      throw new IllegalArgumentException("tokens must be finite and >= 0");
    }
    Objects.requireNonNull(updated, "updated");
  }
}

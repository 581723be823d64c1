package org.voxproof.policy;

/**
 * A token bucket's parameters: refill rate and capacity.
 *
 * @param requestsPerSecond tokens added per second (> 0)
 * @param burst bucket capacity, at least 1: requests allowed at once after a quiet period
 */
public record RateLimit(double requestsPerSecond, int burst) {
  public RateLimit {
    if (!(requestsPerSecond > 0) || requestsPerSecond > 1e6) {
      throw new IllegalArgumentException("requestsPerSecond must be in (0, 1e6]");
    }
    if (burst < 1 || burst > 1_000_000) {
      throw new IllegalArgumentException("burst must be in 1..1000000");
    }
  }
}

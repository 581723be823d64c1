package org.voxproof.consent.checks;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.voxproof.consent.checks.internal.Landmarks;

/**
 * When two fingerprints are the same recording: the number of landmark hashes they share at one
 * consistent time offset (±1 frame of 16 ms). A re-encoded, trimmed, louder or noisier copy keeps
 * many landmarks at one offset; another take of the same words shares few, at scattered offsets.
 * Storage-backed {@link ReplayIndex}es use the same rule as {@link InMemoryReplayIndex}.
 */
public final class FingerprintMatch {
  /** Fewest aligned shared landmarks that make a match. */
  public static final int MIN_ALIGNED = 20;

  /** Aligned shared landmarks as a share of the smaller fingerprint that make a match. */
  public static final double MIN_SHARE = 0.05;

  private FingerprintMatch() {}

  /** Aligned shared landmarks of {@code a} and {@code b}. */
  public static int score(Fingerprint a, Fingerprint b) {
    return score(a.hashes(), b.hashes());
  }

  /** True when {@code a} and {@code b} are the same recording by the rule above. */
  public static boolean matches(Fingerprint a, Fingerprint b) {
    long[] x = a.hashes();
    long[] y = b.hashes();
    int s = score(x, y);
    return s >= MIN_ALIGNED && s >= MIN_SHARE * Math.min(x.length, y.length);
  }

  static int score(long[] query, long[] stored) {
    long[] sorted = stored.clone();
    Arrays.sort(sorted);
    Map<Integer, Integer> offsets = new HashMap<>();
    for (long q : query) {
      long h = Landmarks.hash(q);
      int i = lowerBound(sorted, h << 24);
      for (; i < sorted.length && Landmarks.hash(sorted[i]) == h; i++) {
        offsets.merge(Landmarks.time(sorted[i]) - Landmarks.time(q), 1, Integer::sum);
      }
    }
    int best = 0;
    for (Map.Entry<Integer, Integer> e : offsets.entrySet()) {
      int off = e.getKey();
      int c = e.getValue() + offsets.getOrDefault(off - 1, 0) + offsets.getOrDefault(off + 1, 0);
      best = Math.max(best, c);
    }
    return best;
  }

  private static int lowerBound(long[] a, long key) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(a[mid], key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}

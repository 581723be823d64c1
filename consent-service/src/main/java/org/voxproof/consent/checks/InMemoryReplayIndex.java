package org.voxproof.consent.checks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ReplayIndex} in memory, for tests and library use (the consent service keeps one on its
 * storage). Thread-safe; matching is {@link FingerprintMatch#matches}.
 */
public final class InMemoryReplayIndex implements ReplayIndex {
  private final Map<String, List<Fingerprint>> byScope = new ConcurrentHashMap<>();

  @Override
  public boolean matches(Fingerprint fingerprint) {
    for (List<Fingerprint> prints : byScope.values()) {
      for (Fingerprint f : prints) {
        if (FingerprintMatch.matches(fingerprint, f)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void add(String scope, Fingerprint fingerprint) {
    byScope.computeIfAbsent(scope, s -> new CopyOnWriteArrayList<>()).add(fingerprint);
  }

  @Override
  public void removeScope(String scope) {
    byScope.remove(scope);
  }

  /** Number of fingerprints held. */
  public int size() {
    return byScope.values().stream().mapToInt(List::size).sum();
  }
}

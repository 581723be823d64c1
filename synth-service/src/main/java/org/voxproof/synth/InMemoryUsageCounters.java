package org.voxproof.synth;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link UsageCounters} in a map keyed by consent and day; older days are pruned on write. */
final class InMemoryUsageCounters implements UsageCounters {
  private record Key(String consentId, LocalDate day) {}

  private final Map<Key, Long> counts = new ConcurrentHashMap<>();

  @Override
  public long used(String consentId, LocalDate day) {
    return counts.getOrDefault(new Key(consentId, day), 0L);
  }

  @Override
  public void add(String consentId, LocalDate day, long characters) {
    counts.merge(new Key(consentId, day), characters, Long::sum);
    counts.keySet().removeIf(k -> k.day().isBefore(day));
  }
}

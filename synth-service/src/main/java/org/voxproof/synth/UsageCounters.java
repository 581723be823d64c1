package org.voxproof.synth;

import java.time.LocalDate;

/**
 * Characters synthesized per consent and UTC day: the state behind the policy's daily quota. {@link
 * #inMemory()} for one process; the application may back it with its storage.
 */
public interface UsageCounters {
  /** Characters already synthesized under {@code consentId} on {@code day}. */
  long used(String consentId, LocalDate day);

  /** Adds {@code characters} after a successful synthesis. */
  void add(String consentId, LocalDate day, long characters);

  /** A counter kept in memory (days other than the latest are dropped). */
  static UsageCounters inMemory() {
    return new InMemoryUsageCounters();
  }
}

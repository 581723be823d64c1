package org.voxproof.consent.checks;

/**
 * Every fingerprint of every consent recording and sample seen so far. The consent service keeps
 * one on its storage; {@code scope} is the voice the fingerprint belongs to, so erasure can remove
 * it.
 */
public interface ReplayIndex {
  /**
   * True if {@code fingerprint} matches an earlier one (also after re-encoding, trimming, gain or
   * added noise).
   */
  boolean matches(Fingerprint fingerprint);

  /** Remembers a fingerprint under {@code scope}. */
  void add(String scope, Fingerprint fingerprint);

  /** Forgets every fingerprint under {@code scope} (erasure). */
  void removeScope(String scope);
}

package org.voxproof.synth;

import java.time.Instant;
import java.util.Set;
import org.voxproof.policy.Assurance;

/** A consent as the (future) consent verifier would hand it over, for tests. */
record TestConsent(
    String consentId,
    String voiceId,
    String ownerId,
    String licensee,
    Set<String> purposes,
    Set<String> languages,
    Assurance assurance,
    Instant expiresAt,
    byte[] commitmentBytes)
    implements VerifiedConsent {

  static TestConsent of(String voiceId, Set<String> purposes, Instant expires) {
    byte[] c = new byte[32];
    c[0] = 7;
    return new TestConsent(
        "consent-" + voiceId,
        voiceId,
        "owner-1",
        "bank",
        purposes,
        Set.of("en", "zh"),
        Assurance.BASIC,
        expires,
        c);
  }

  @Override
  public byte[] commitment() {
    return commitmentBytes.clone();
  }
}

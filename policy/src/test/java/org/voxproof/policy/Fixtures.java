package org.voxproof.policy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Facts shared by the policy tests. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  static final Principal BANK_CLIENT = Principal.licensee("client-1", "bank");

  private Fixtures() {}

  static Resource.Consent consent(Set<String> purposes, Set<String> languages, Assurance a) {
    return new Resource.Consent("consent-1", "bank", "owner-1", "voice-1", purposes, languages, a);
  }

  static Resource.Consent notificationsConsent() {
    return consent(Set.of("notifications"), Set.of("en", "zh"), Assurance.BASIC);
  }

  static SynthesisFacts facts(Resource.Consent c, String purpose, String language, String text) {
    return new SynthesisFacts(BANK_CLIENT, c, purpose, language, text, Optional.empty(), 0, NOW);
  }
}

package org.voxproof.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * What an allowed synthesis must carry, from the jurisdiction profile: the machine-readable marking
 * (watermark + C2PA manifest; always on), and where the profile requires them an audible disclosure
 * spoken first, in the language of the text, and a label in the manifest.
 *
 * @param jurisdiction the profile's name, e.g. {@code eu}
 * @param machineReadableMarking always true: no profile can turn the marking off
 * @param audibleDisclosure the sentence to speak before the text, if required
 * @param disclosureLanguage the language of {@code audibleDisclosure} (the request's language)
 * @param manifestLabel the label to put in the manifest, if required
 */
public record Obligations(
    String jurisdiction,
    boolean machineReadableMarking,
    Optional<String> audibleDisclosure,
    Optional<String> disclosureLanguage,
    Optional<String> manifestLabel) {
  public Obligations {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(audibleDisclosure, "audibleDisclosure");
    Objects.requireNonNull(disclosureLanguage, "disclosureLanguage");
    Objects.requireNonNull(manifestLabel, "manifestLabel");
    if (!machineReadableMarking) {
      throw new IllegalArgumentException("machine-readable marking cannot be turned off");
    }
    if (audibleDisclosure.isPresent() != disclosureLanguage.isPresent()) {
      throw new IllegalArgumentException("a disclosure needs its language and vice versa");
    }
  }

  /** Marking only (e.g. the {@code eu} profile). */
  public static Obligations markingOnly(String jurisdiction) {
    return new Obligations(
        jurisdiction, true, Optional.empty(), Optional.empty(), Optional.empty());
  }
}

package org.voxproof.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a synthesis decision looks at, passed in by the caller (the module does no I/O and
 * reads no clock).
 *
 * @param principal the licensee client asking
 * @param consent the verified consent's facts
 * @param purpose the purpose asked for
 * @param language the language of the text (BCP 47)
 * @param text the text to speak; inspected by content rules, never logged or echoed in a decision
 * @param jurisdiction the profile to apply; empty: the rules' default
 * @param charactersUsedToday characters this consent already synthesized in the UTC day of {@code
 *     now} (the caller's counter)
 * @param now the current time (quota day, Retry-After)
 */
public record SynthesisFacts(
    Principal principal,
    Resource.Consent consent,
    String purpose,
    String language,
    String text,
    Optional<String> jurisdiction,
    long charactersUsedToday,
    Instant now) {
  public SynthesisFacts {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(consent, "consent");
    Ids.require(purpose, "purpose");
    Ids.require(language, "language");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    if (charactersUsedToday < 0) {
      throw new IllegalArgumentException("charactersUsedToday must be >= 0");
    }
    Objects.requireNonNull(now, "now");
  }

  /** Characters the text counts for against the quota (Unicode code points). */
  public long characters() {
    return text.codePointCount(0, text.length());
  }

  @Override
  public String toString() {
    return "SynthesisFacts["
        + principal.id()
        + ", consent "
        + consent.id()
        + ", "
        + purpose
        + "/"
        + language
        + ", "
        + characters()
        + " chars]";
  }
}

package org.voxproof.consent.api;

import java.time.Duration;
import java.util.Objects;
import org.voxproof.policy.Assurance;

/**
 * Settings of the consent API.
 *
 * @param issuer the service's public base URL: the tokens' {@code iss}, status-list URIs and the
 *     consent page's origin
 * @param challengeWindow how long a challenge may be answered (default 120 s)
 * @param invitationValidity how long an invitation may be redeemed (default 14 days)
 * @param maxCharacters the longest text a token allows per synthesis request
 * @param minimumAssurance tokens below it are not issued ({@code high} in production)
 * @param maxAudioBytes the largest audio upload (413 beyond)
 * @param minSampleSeconds reference audio needed before a challenge (default 8 s)
 */
public record ConsentConfig(
    String issuer,
    Duration challengeWindow,
    Duration invitationValidity,
    int maxCharacters,
    Assurance minimumAssurance,
    long maxAudioBytes,
    double minSampleSeconds) {
  public ConsentConfig {
    Objects.requireNonNull(issuer, "issuer");
    if (challengeWindow.isNegative() || challengeWindow.isZero()) {
      throw new IllegalArgumentException("challengeWindow must be positive");
    }
    Objects.requireNonNull(invitationValidity, "invitationValidity");
    Objects.requireNonNull(minimumAssurance, "minimumAssurance");
    if (maxAudioBytes < 1024) {
      throw new IllegalArgumentException("maxAudioBytes must be >= 1024");
    }
  }

  /** The defaults for {@code issuer}. */
  public static ConsentConfig defaults(String issuer) {
    return new ConsentConfig(
        issuer,
        Duration.ofSeconds(120),
        Duration.ofDays(14),
        5000,
        Assurance.BASIC,
        16L * 1024 * 1024,
        8.0);
  }

  public ConsentConfig withChallengeWindow(Duration d) {
    return new ConsentConfig(
        issuer,
        d,
        invitationValidity,
        maxCharacters,
        minimumAssurance,
        maxAudioBytes,
        minSampleSeconds);
  }

  public ConsentConfig withMinimumAssurance(Assurance a) {
    return new ConsentConfig(
        issuer,
        challengeWindow,
        invitationValidity,
        maxCharacters,
        a,
        maxAudioBytes,
        minSampleSeconds);
  }

  public ConsentConfig withMaxAudioBytes(long n) {
    return new ConsentConfig(
        issuer,
        challengeWindow,
        invitationValidity,
        maxCharacters,
        minimumAssurance,
        n,
        minSampleSeconds);
  }
}

package org.voxproof.consent.checks;

import java.util.List;
import java.util.Set;

/**
 * The checks on what an owner uploads (DESIGN.md "The three flows", issue 9): reference samples and
 * the spoken consent. The HTTP layer keeps the window ({@code expired}) and the stores; everything
 * that looks at audio is here. Each failure is one stable reason string: {@code quality}, {@code
 * phrase_mismatch}, {@code replay}, {@code synthetic}, {@code speaker_mismatch}.
 */
public interface ConsentChecks {

  /** The languages a challenge can be made and recognized in (enrolment refuses the others). */
  Set<String> languages();

  /**
   * A fresh challenge: the consent statement in {@code language} naming the owner, the licensee and
   * the purposes, plus 3–4 random words from a fixed list.
   *
   * @throws IllegalArgumentException if the language has no recognizer configured
   */
  Challenge challenge(
      String language, String ownerName, String licenseeName, List<String> purposes);

  /**
   * A reference sample: decodes (audio module), {@code quality} (each ≥ 3 s), not {@code
   * synthetic}, not a {@code replay} of anything in {@code replays}. Adds nothing to {@code
   * replays}: the caller adds the fingerprint once it has stored the sample.
   */
  SampleCheck checkSample(byte[] audio, ReplayIndex replays);

  /**
   * The spoken consent against its challenge and the owner's reference voice prints: every check
   * runs and every failure is reported (not only the first).
   */
  RecordingCheck checkRecording(
      byte[] audio, Challenge challenge, List<VoicePrint> references, ReplayIndex replays);
}

package org.voxproof.consent.api;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.consent.checks.Challenge;
import org.voxproof.consent.checks.ConsentChecks;
import org.voxproof.consent.checks.Fingerprint;
import org.voxproof.consent.checks.RecordingCheck;
import org.voxproof.consent.checks.ReplayIndex;
import org.voxproof.consent.checks.SampleCheck;
import org.voxproof.consent.checks.VoicePrint;
import org.voxproof.policy.Assurance;

/**
 * TEST DOUBLE at the checks seam (the real checks are {@code DefaultConsentChecks}, module helper
 * "checks"): for the HTTP layer's state machine. Audio is really decoded (audio module) for the
 * duration; the fingerprint is SHA-256 of each 4 KiB block of the bytes (finds exact replays only);
 * the recording's other verdicts are scripted by the test ({@link #failNext}).
 */
final class ScriptedConsentChecks implements ConsentChecks {
  static final List<String> WORDS = List.of("apple", "river", "seven");

  private final List<String> scripted = new CopyOnWriteArrayList<>();
  final List<Challenge> answered = new CopyOnWriteArrayList<>();

  /** The next recording fails with these reasons (besides replay, which is really checked). */
  void failNext(String... reasons) {
    scripted.addAll(List.of(reasons));
  }

  @Override
  public Set<String> languages() {
    return Set.of("en", "zh");
  }

  @Override
  public Challenge challenge(
      String language, String ownerName, String licenseeName, List<String> purposes) {
    if (!languages().contains(language)) {
      throw new IllegalArgumentException("no recognizer for " + language);
    }
    return new Challenge(
        language,
        "I, "
            + ownerName
            + ", agree that "
            + licenseeName
            + " may use my voice for "
            + String.join(" and ", purposes)
            + ".",
        WORDS);
  }

  @Override
  public SampleCheck checkSample(byte[] audio, ReplayIndex replays) {
    List<String> reasons = new ArrayList<>();
    double seconds = 0;
    try {
      DecodedAudio d = AudioDecoder.create().decode(audio);
      seconds = d.info().durationSeconds();
      if (seconds < 3) {
        reasons.add("quality");
      }
    } catch (Exception e) {
      reasons.add("quality");
    }
    Fingerprint fp = fingerprint(audio);
    if (replays.matches(fp)) {
      reasons.add("replay");
    }
    return new SampleCheck(reasons, seconds, new VoicePrint("scripted", new float[] {1, 0}), fp);
  }

  @Override
  public RecordingCheck checkRecording(
      byte[] audio, Challenge challenge, List<VoicePrint> references, ReplayIndex replays) {
    answered.add(challenge);
    List<String> reasons = new ArrayList<>(scripted);
    scripted.clear();
    try {
      AudioDecoder.create().decode(audio);
    } catch (Exception e) {
      reasons.add("quality");
    }
    Fingerprint fp = fingerprint(audio);
    if (replays.matches(fp)) {
      reasons.add("replay");
    }
    if (references.isEmpty()) {
      reasons.add("speaker_mismatch");
    }
    return new RecordingCheck(
        reasons,
        Assurance.BASIC,
        new VoicePrint("scripted", new float[] {1, 0}),
        fp,
        java.util.Map.of("similarity", 1.0));
  }

  /** The double's replay rule: at least half of the smaller fingerprint's blocks are equal. */
  static boolean sameRecording(Fingerprint a, Fingerprint b) {
    java.util.Set<Long> x = new java.util.HashSet<>();
    for (long h : a.hashes()) {
      x.add(h);
    }
    int shared = 0;
    for (long h : b.hashes()) {
      if (x.contains(h)) {
        shared++;
      }
    }
    return shared >= 4 && shared * 2 >= Math.min(a.hashes().length, b.hashes().length);
  }

  static Fingerprint fingerprint(byte[] audio) {
    try {
      List<Long> hashes = new ArrayList<>();
      for (int i = 0; i < audio.length; i += 4096) {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(audio, i, Math.min(4096, audio.length - i));
        hashes.add(ByteBuffer.wrap(md.digest()).getLong());
      }
      return new Fingerprint(hashes.stream().mapToLong(Long::longValue).toArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

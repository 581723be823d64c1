package org.voxproof.consent.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.policy.Assurance;
import org.voxproof.watermark.Payload;
import org.voxproof.watermark.WatermarkKey;
import org.voxproof.watermark.Watermarker;

/**
 * Every reason produced by a real case (issue 9): espeak-ng voices speaking the challenge, the same
 * consent re-encoded to MP3, a VoxProof-watermarked clip, another voice, different words, silence;
 * and a full pass.
 */
class DefaultConsentChecksTest {
  static final String VOICE = "en-us+m3";
  static final String OTHER_VOICE = "en-gb+f4";
  static final List<String> SAMPLE_TEXTS =
      List.of(
          "The quick brown fox jumps over the lazy dog while the farmer watches from the gate.",
          "Every morning I walk to the station and buy a newspaper and a cup of coffee.",
          "Please call me back tomorrow afternoon, I would like to talk about the garden.");
  static final Challenge CHALLENGE =
      new Challenge(
          "en",
          "I, Alice Smith, agree that Acme Bank may use a synthetic copy of my voice for customer"
              + " service and marketing.",
          List.of("apple", "river", "candle"));

  static final SecureRandom RANDOM = new SecureRandom();
  static WatermarkKey retiredKey;
  static DefaultConsentChecks checks;
  static List<VoicePrint> references;
  static byte[] consent;

  @BeforeAll
  static void enrol() throws IOException {
    byte[] fpKey = new byte[32];
    RANDOM.nextBytes(fpKey);
    retiredKey = WatermarkKey.generate(RANDOM);
    checks =
        DefaultConsentChecks.builder()
            .fingerprintKey(fpKey)
            .watermarkKeys(List.of(WatermarkKey.generate(RANDOM), retiredKey))
            .build();
    references = prints(VOICE);
    consent = Speech.say(VOICE, CHALLENGE.phrase());
  }

  static List<VoicePrint> prints(String voice) throws IOException {
    List<VoicePrint> out = new ArrayList<>();
    InMemoryReplayIndex index = new InMemoryReplayIndex();
    for (String text : SAMPLE_TEXTS) {
      SampleCheck s = checks.checkSample(Speech.say(voice, text), index);
      assertThat(s.reasons()).as(text).isEmpty();
      index.add("v", s.fingerprint());
      out.add(s.print());
    }
    return out;
  }

  @Test
  void checkRecording_rightWordsSameVoice_passes() {
    RecordingCheck r =
        checks.checkRecording(consent, CHALLENGE, references, new InMemoryReplayIndex());
    System.out.println("pass: " + r.scores());
    assertThat(r.reasons()).isEmpty();
    assertThat(r.passed()).isTrue();
    assertThat(r.assurance()).isEqualTo(Assurance.BASIC);
    assertThat(r.print().model()).isEqualTo("baseline-mfcc-f0-v1");
    assertThat(r.fingerprint().hashes()).isNotEmpty();
    assertThat(r.scores()).containsEntry("phrase_match", 1.0).containsEntry("watermark_found", 0.0);
  }

  @Test
  void checkRecording_differentWords_phraseMismatch() throws IOException {
    byte[] other =
        Speech.say(
            VOICE, "I do not agree to anything, please delete my recordings. lemon tiger window");
    RecordingCheck r =
        checks.checkRecording(other, CHALLENGE, references, new InMemoryReplayIndex());
    assertThat(r.reasons()).containsExactly(DefaultConsentChecks.PHRASE_MISMATCH);
  }

  @Test
  void checkRecording_otherRandomWords_phraseMismatch() throws IOException {
    Challenge other =
        new Challenge("en", CHALLENGE.statement(), List.of("tiger", "lemon", "rocket"));
    byte[] said = Speech.say(VOICE, other.phrase());
    RecordingCheck r =
        checks.checkRecording(said, CHALLENGE, references, new InMemoryReplayIndex());
    assertThat(r.reasons()).containsExactly(DefaultConsentChecks.PHRASE_MISMATCH);
  }

  @Test
  void checkRecording_sameConsentAsMp3_replay() throws IOException {
    InMemoryReplayIndex index = new InMemoryReplayIndex();
    RecordingCheck first = checks.checkRecording(consent, CHALLENGE, references, index);
    index.add("voice-1", first.fingerprint());
    RecordingCheck again = checks.checkRecording(Speech.mp3(consent), CHALLENGE, references, index);
    assertThat(again.reasons()).contains(DefaultConsentChecks.REPLAY);
    assertThat(again.reasons()).doesNotContain(DefaultConsentChecks.SPEAKER_MISMATCH);
  }

  @Test
  void checkRecording_watermarkedClip_synthetic() throws Exception {
    DecodedAudio a = Speech.decode(consent);
    float[] marked =
        Watermarker.builder()
            .build()
            .embed(a.mono(), a.sampleRate(), new Payload(0x5eed), retiredKey);
    RecordingCheck r =
        checks.checkRecording(
            Speech.wav(marked, a.sampleRate()), CHALLENGE, references, new InMemoryReplayIndex());
    assertThat(r.reasons()).containsExactly(DefaultConsentChecks.SYNTHETIC);
    assertThat(r.scores()).containsEntry("watermark_found", 1.0);
  }

  @Test
  void checkRecording_anotherVoice_speakerMismatch() throws IOException {
    byte[] other = Speech.say(OTHER_VOICE, CHALLENGE.phrase());
    RecordingCheck r =
        checks.checkRecording(other, CHALLENGE, references, new InMemoryReplayIndex());
    System.out.println("other voice: " + r.scores());
    assertThat(r.reasons()).contains(DefaultConsentChecks.SPEAKER_MISMATCH);
  }

  @Test
  void checkRecording_silence_quality() {
    byte[] silence = Speech.wav(new float[16_000 * 5], 16_000);
    RecordingCheck r =
        checks.checkRecording(silence, CHALLENGE, references, new InMemoryReplayIndex());
    assertThat(r.reasons()).contains(DefaultConsentChecks.QUALITY);
    assertThat(r.scores().get("level_dbfs")).isEqualTo(-100.0);
  }

  @Test
  void checkRecording_notAudio_quality() {
    RecordingCheck r =
        checks.checkRecording(
            "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            CHALLENGE,
            references,
            new InMemoryReplayIndex());
    assertThat(r.reasons()).containsExactly(DefaultConsentChecks.QUALITY);
    assertThat(r.print()).isNull();
  }

  @Test
  void checkRecording_noReferences_speakerMismatch() {
    RecordingCheck r =
        checks.checkRecording(consent, CHALLENGE, List.of(), new InMemoryReplayIndex());
    assertThat(r.reasons()).containsExactly(DefaultConsentChecks.SPEAKER_MISMATCH);
  }

  @Test
  void checkSample_tooShort_quality() throws IOException {
    SampleCheck s =
        checks.checkSample(Speech.say(VOICE, "Hello there."), new InMemoryReplayIndex());
    assertThat(s.reasons()).containsExactly(DefaultConsentChecks.QUALITY);
    assertThat(s.durationSeconds()).isLessThan(3);
  }

  @Test
  void checkSample_sameSampleAgain_replay() throws IOException {
    byte[] sample = Speech.say(VOICE, SAMPLE_TEXTS.get(0));
    InMemoryReplayIndex index = new InMemoryReplayIndex();
    index.add("v", checks.checkSample(sample, index).fingerprint());
    assertThat(checks.checkSample(Speech.mp3(sample), index).reasons())
        .containsExactly(DefaultConsentChecks.REPLAY);
  }

  @Test
  void challenge_unconfiguredLanguage_refused() {
    assertThat(checks.languages()).containsExactly("en");
    assertThatThrownBy(() -> checks.challenge("zh-CN", "A", "B", List.of("ads")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zh-CN");
  }

  @Test
  void challenge_english_namesOwnerLicenseePurposesAndWords() {
    Challenge c =
        checks.challenge("en-US", "Alice Smith", "Acme Bank", List.of("customer-service", "ads"));
    assertThat(c.language()).isEqualTo("en");
    assertThat(c.statement())
        .isEqualTo(
            "I, Alice Smith, agree that Acme Bank may use a synthetic copy of my voice for customer"
                + " service and ads.");
    assertThat(c.words()).hasSizeBetween(3, 4).doesNotHaveDuplicates();
    assertThat(c.phrase()).startsWith(c.statement()).endsWith(c.words().get(c.words().size() - 1));
  }
}

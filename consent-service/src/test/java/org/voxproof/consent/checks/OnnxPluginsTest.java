package org.voxproof.consent.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.consent.checks.internal.OnnxAntiSpoof;
import org.voxproof.consent.checks.internal.OnnxSpeakerEncoder;
import org.voxproof.consent.checks.internal.Pcm;
import org.voxproof.policy.Assurance;
import org.voxproof.watermark.WatermarkKey;

/**
 * The pluggable ONNX models, on the tiny models {@code scripts/make-test-models.py} makes: the
 * speaker encoder gets Kaldi fbank [1, T, 80] with CMN, the anti-spoofing model the raw waveform
 * [1, 64600], the CTC recognizer's greedy decode and the Mandarin rule; assurance {@code high} only
 * when both the speaker and the anti-spoofing model ran.
 */
class OnnxPluginsTest {
  static Path speaker;
  static Path antiSpoof;
  static Path ctc;
  static Path tokens;
  static byte[] fpKey = new byte[32];

  @BeforeAll
  static void models() throws URISyntaxException {
    speaker = model("tiny-speaker.onnx");
    antiSpoof = model("tiny-antispoof.onnx");
    ctc = model("tiny-ctc-zh.onnx");
    tokens = model("tiny-ctc-zh.tokens.txt");
    new SecureRandom().nextBytes(fpKey);
  }

  static Path model(String name) throws URISyntaxException {
    return Path.of(OnnxPluginsTest.class.getResource("models/" + name).toURI());
  }

  static DefaultConsentChecks.Builder base() {
    return DefaultConsentChecks.builder()
        .fingerprintKey(fpKey)
        .watermarkKeys(List.of(WatermarkKey.generate(new SecureRandom())));
  }

  @Test
  void speakerEncoder_getsCmnFbankOf80Bins() throws Exception {
    float[] x =
        Pcm.of(Speech.decode(Speech.say("en-us", "Testing the speaker encoder input."))).mono16k();
    try (OnnxSpeakerEncoder enc = OnnxSpeakerEncoder.load(speaker)) {
      float[][] f = enc.features(x);
      double[][] w = readMatrix(model("tiny-speaker.W.txt"));
      float[] expected = new float[16];
      for (int j = 0; j < 16; j++) {
        double s = 0;
        for (int b = 0; b < 80; b++) {
          double m = 0;
          for (float[] row : f) {
            m += row[b] * (double) row[b];
          }
          s += m / f.length * w[b][j];
        }
        expected[j] = (float) s;
      }
      float[] got = enc.embed(x);
      assertThat(got).hasSize(16);
      for (int j = 0; j < 16; j++) {
        assertThat(got[j]).isCloseTo(expected[j], within(1e-3f * Math.abs(expected[j]) + 1e-4f));
      }
      assertThat(enc.id()).startsWith("onnx:").hasSize(21);
    }
  }

  @Test
  void antiSpoof_loudIsSpoofQuietIsBonafide() throws Exception {
    try (OnnxAntiSpoof m = OnnxAntiSpoof.load(antiSpoof, 64_600, 0)) {
      float[] quiet = new float[32_000];
      float[] loud = new float[32_000];
      for (int i = 0; i < quiet.length; i++) {
        quiet[i] = (float) (0.05 * Math.sin(i * 0.1));
        loud[i] = (float) (0.3 * Math.sin(i * 0.1));
      }
      assertThat(m.spoofProbability(quiet)).isLessThan(0.01);
      assertThat(m.spoofProbability(loud)).isGreaterThan(0.99);
    }
  }

  @Test
  void checkRecording_bothModelsRan_assuranceHigh() throws Exception {
    DefaultConsentChecks c =
        base().speakerModel(speaker, 0.9).antiSpoofModel(antiSpoof, 0.5).build();
    byte[] sample =
        Speech.say("en-us+m3", DefaultConsentChecksTest.SAMPLE_TEXTS.get(0), "-a", "40");
    SampleCheck s = c.checkSample(sample, new InMemoryReplayIndex());
    assertThat(s.reasons()).isEmpty();
    assertThat(s.print().model()).startsWith("onnx:");
    byte[] rec = Speech.say("en-us+m3", DefaultConsentChecksTest.CHALLENGE.phrase(), "-a", "40");
    RecordingCheck r =
        c.checkRecording(
            rec, DefaultConsentChecksTest.CHALLENGE, List.of(s.print()), new InMemoryReplayIndex());
    System.out.println("onnx: " + r.scores());
    assertThat(r.scores()).containsKeys("spoof_probability", "speaker_similarity");
    assertThat(r.reasons()).doesNotContain(DefaultConsentChecks.SYNTHETIC);
    assertThat(r.assurance()).isEqualTo(Assurance.HIGH);
  }

  @Test
  void checkRecording_antiSpoofScoresAboveThreshold_synthetic() throws Exception {
    DefaultConsentChecks c = base().antiSpoofModel(antiSpoof, 0.5).build();
    DecodedAudio a =
        Speech.decode(Speech.say("en-us+m3", DefaultConsentChecksTest.CHALLENGE.phrase()));
    float[] loud = a.mono().clone();
    for (int i = 0; i < loud.length; i++) {
      loud[i] = (float) Math.tanh(loud[i] * 8);
    }
    RecordingCheck r =
        c.checkRecording(
            Speech.wav(loud, a.sampleRate()),
            DefaultConsentChecksTest.CHALLENGE,
            List.of(),
            new InMemoryReplayIndex());
    assertThat(r.reasons()).contains(DefaultConsentChecks.SYNTHETIC);
    assertThat(r.scores().get("spoof_probability")).isGreaterThan(0.5);
    assertThat(r.assurance()).isEqualTo(Assurance.BASIC);
  }

  @Test
  void mandarin_onlyWithRecognizer_andDecodedTextDecides() throws Exception {
    assertThat(base().build().languages()).doesNotContain("zh");
    DefaultConsentChecks c = base().recognizer("zh", ctc, tokens).build();
    assertThat(c.languages()).containsExactly("en", "zh");
    Challenge made = c.challenge("zh-CN", "李雷", "某银行", List.of("客服"));
    assertThat(made.statement()).isEqualTo("我，李雷，同意某银行将我声音的合成副本用于客服。");
    assertThat(made.words()).hasSizeBetween(3, 4);
    byte[] audio = Speech.say("cmn", "我同意苹果河流蜡烛");
    Challenge heard = new Challenge("zh", "我同意", List.of("苹果", "河流", "蜡烛"));
    Challenge other = new Challenge("zh", "我同意", List.of("苹果", "河流", "熊猫"));
    RecordingCheck ok = c.checkRecording(audio, heard, List.of(), new InMemoryReplayIndex());
    RecordingCheck bad = c.checkRecording(audio, other, List.of(), new InMemoryReplayIndex());
    assertThat(ok.reasons()).doesNotContain(DefaultConsentChecks.PHRASE_MISMATCH);
    assertThat(bad.reasons()).contains(DefaultConsentChecks.PHRASE_MISMATCH);
  }

  @Test
  void load_pickleNamedOnnx_refused() throws IOException {
    Path p = Files.createTempFile("pickle", ".onnx");
    try {
      Files.write(p, new byte[] {(byte) 0x80, 4, (byte) 0x95, 0, 0});
      assertThatThrownBy(() -> base().speakerModel(p, 0.5))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("not an ONNX model");
    } finally {
      Files.delete(p);
    }
  }

  static double[][] readMatrix(Path p) throws IOException {
    return Files.readAllLines(p).stream()
        .filter(l -> !l.isBlank())
        .map(
            l ->
                java.util.Arrays.stream(l.trim().split("\\s+"))
                    .mapToDouble(Double::parseDouble)
                    .toArray())
        .toArray(double[][]::new);
  }
}

package org.voxproof.consent.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.consent.checks.internal.Pcm;
import org.voxproof.consent.checks.internal.Quality;

/** The quality measurements on real speech and its damaged copies, against the default bounds. */
class QualityLimitsTest {
  static DecodedAudio speech;

  @BeforeAll
  static void speak() throws IOException {
    speech = Speech.decode(Speech.say("en-us+m3", DefaultConsentChecksTest.SAMPLE_TEXTS.get(1)));
  }

  static boolean accepted(float[] x) {
    Quality.Measures m =
        Quality.measure(Pcm.of(new DecodedAudio(speech.info(), new float[][] {x})));
    return QualityLimits.RECORDING.accepts(
        m.durationSeconds(), m.levelDbfs(), m.clippedRatio(), m.snrDb());
  }

  @Test
  void accepts_cleanSpeech() {
    assertThat(accepted(speech.mono())).isTrue();
  }

  @Test
  void refuses_clippedSpeech() {
    float[] x = speech.mono().clone();
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(-1f, Math.min(1f, x[i] * 20));
    }
    assertThat(accepted(x)).isFalse();
  }

  @Test
  void refuses_speechUnderLoudNoise() {
    float[] x = speech.mono().clone();
    Random r = new Random(3);
    for (int i = 0; i < x.length; i++) {
      x[i] = x[i] * 0.5f + (float) (r.nextGaussian() * 0.1);
    }
    assertThat(accepted(x)).isFalse();
  }

  @Test
  void refuses_nearSilentSpeech() {
    float[] x = speech.mono().clone();
    for (int i = 0; i < x.length; i++) {
      x[i] *= 0.003f;
    }
    assertThat(accepted(x)).isFalse();
  }

  @Test
  void refuses_tooShortAndTooLong() {
    assertThat(QualityLimits.RECORDING.accepts(1.9, -20, 0, 40)).isFalse();
    assertThat(QualityLimits.RECORDING.accepts(30.1, -20, 0, 40)).isFalse();
    assertThat(QualityLimits.SAMPLE.accepts(2.9, -20, 0, 40)).isFalse();
    assertThat(QualityLimits.RECORDING.accepts(2.0, -20, 0, 40)).isTrue();
  }
}

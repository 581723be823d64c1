package org.voxproof.synth.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * BS.1770-4 loudness against values derived from the standard and the EBU Tech 3341 (v4) minimum
 * requirements test signals, synthesized here (sine tones described in Tech 3341 Table 1).
 */
class LoudnessTest {
  static float[] sine(double hz, double dbfs, double seconds, int rate, double phase) {
    int n = (int) Math.round(seconds * rate);
    double a = Math.pow(10, dbfs / 20);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (a * Math.sin(2 * Math.PI * hz * i / rate + phase));
    }
    return x;
  }

  /** Concatenates stereo sine segments {dbfs, seconds}. */
  static float[][] stereoSegments(double hz, int rate, double[]... segments) {
    int total = 0;
    for (double[] s : segments) {
      total += (int) Math.round(s[1] * rate);
    }
    float[] x = new float[total];
    int at = 0;
    for (double[] s : segments) {
      float[] part = sine(hz, s[0], s[1], rate, 0);
      System.arraycopy(part, 0, x, at, part.length);
      at += part.length;
    }
    return new float[][] {x, x.clone()};
  }

  @Test
  void shelf_at48kHz_reproducesStandardTable1() {
    assertThat(KWeighting.shelf(48_000))
        .containsExactly(
            new double[] {
              1.53512485958697,
              -2.69169618940638,
              1.19839281085285,
              -1.69065929318241,
              0.73248077421585
            },
            within(1e-8));
  }

  @Test
  void highPass_at48kHz_reproducesStandardTable2() {
    assertThat(KWeighting.highPass(48_000))
        .containsExactly(
            new double[] {1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621}, within(1e-8));
  }

  @Test
  void integrated_997HzSineAtMinus20dBFS_equalsValueDerivedFromTheFilter() {
    // L = -0.691 + 10 log10(A^2 / 2 * |H(997 Hz)|^2) for a steady sine of peak amplitude A.
    double expected = -0.691 + 10 * Math.log10(0.01 / 2 * KWeighting.powerGain(997, 48_000));
    float[] x = sine(997, -20, 10, 48_000, 0);
    assertThat(Loudness.integrated(new float[][] {x}, 48_000)).isCloseTo(expected, within(0.005));
    assertThat(expected).isCloseTo(-23.01, within(0.02));
  }

  @Test
  void integrated_fullScale1kHzSineInOneChannel_isMinus3p01Lkfs() {
    // SPEC: BS.1770-4 §2.1 — a 0 dB FS 1 kHz sine in one front channel reads -3.01 LKFS.
    float[] x = sine(1000, 0, 5, 48_000, 0);
    assertThat(Loudness.integrated(new float[][] {x}, 48_000)).isCloseTo(-3.01, within(0.01));
  }

  @Test
  void integrated_ebu3341Case1_stereoMinus23dBFS_isMinus23() {
    float[][] x = stereoSegments(1000, 48_000, new double[] {-23, 20});
    assertThat(Loudness.integrated(x, 48_000)).isCloseTo(-23.0, within(0.1));
  }

  @Test
  void integrated_ebu3341Case2_stereoMinus33dBFS_isMinus33() {
    float[][] x = stereoSegments(1000, 48_000, new double[] {-33, 20});
    assertThat(Loudness.integrated(x, 48_000)).isCloseTo(-33.0, within(0.1));
  }

  @Test
  void integrated_ebu3341Case3_relativeGateDropsQuietParts() {
    float[][] x =
        stereoSegments(
            1000, 48_000, new double[] {-36, 10}, new double[] {-23, 60}, new double[] {-36, 10});
    assertThat(Loudness.integrated(x, 48_000)).isCloseTo(-23.0, within(0.1));
  }

  @Test
  void integrated_ebu3341Case4_absoluteAndRelativeGates() {
    float[][] x =
        stereoSegments(
            1000,
            48_000,
            new double[] {-72, 10},
            new double[] {-36, 10},
            new double[] {-23, 60},
            new double[] {-36, 10},
            new double[] {-72, 10});
    assertThat(Loudness.integrated(x, 48_000)).isCloseTo(-23.0, within(0.1));
  }

  @Test
  void integrated_ebu3341Case5_loudMiddleSection() {
    float[][] x =
        stereoSegments(
            1000, 48_000, new double[] {-26, 20}, new double[] {-20, 20.1}, new double[] {-26, 20});
    assertThat(Loudness.integrated(x, 48_000)).isCloseTo(-23.0, within(0.1));
  }

  @Test
  void integrated_engineRates_case1HoldsAt22050And16000() {
    for (int rate : new int[] {22_050, 16_000}) {
      float[][] x = stereoSegments(1000, rate, new double[] {-23, 20});
      assertThat(Loudness.integrated(x, rate)).as("rate %d", rate).isCloseTo(-23.0, within(0.1));
    }
  }

  @Test
  void integrated_silenceAndBelowAbsoluteGate_isSilence() {
    assertThat(Loudness.integrated(new float[][] {new float[48_000]}, 48_000))
        .isEqualTo(Loudness.SILENCE);
    float[] quiet = sine(1000, -80, 5, 48_000, 0);
    assertThat(Loudness.integrated(new float[][] {quiet}, 48_000)).isEqualTo(Loudness.SILENCE);
  }

  @Test
  void integrated_shorterThanOneBlock_measuredAsOneBlock() {
    float[] x = sine(1000, -10, 0.3, 48_000, 0);
    double expected = -0.691 + 10 * Math.log10(0.1 / 2 * KWeighting.powerGain(1000, 48_000));
    assertThat(Loudness.integrated(new float[][] {x}, 48_000)).isCloseTo(expected, within(0.05));
    assertThat(Loudness.integrated(new float[][] {new float[100]}, 48_000))
        .isEqualTo(Loudness.SILENCE);
    assertThat(Loudness.integrated(new float[][] {new float[0]}, 48_000))
        .isEqualTo(Loudness.SILENCE);
  }

  @Test
  void measure_quarterRateSineAt45Degrees_truePeakFindsInterSamplePeak() {
    // Every sample sits at A/sqrt(2) (-9.03 dBFS for A = 0.5); the waveform reaches A (-6.02).
    float[] x = sine(12_000, -6.0206, 1, 48_000, Math.PI / 4);
    Loudness.Measurement m = Loudness.measure(new float[][] {x}, 48_000);
    assertThat(m.samplePeakDbfs()).isCloseTo(-9.03, within(0.01));
    // SPEC: EBU Tech 3341 true-peak tolerance +0.2 / -0.4 dB.
    assertThat(m.truePeakDbtp()).isBetween(-6.02 - 0.4, -6.02 + 0.2);
  }
}

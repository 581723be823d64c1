package org.voxproof.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {
  private static final int SECONDS = 2;

  /** Linear sweep from f0 to f1 Hz, unit amplitude. */
  static float[] sweep(int rate, double f0, double f1) {
    int n = rate * SECONDS;
    float[] x = new float[n];
    double k = (f1 - f0) / SECONDS;
    for (int i = 0; i < n; i++) {
      double t = i / (double) rate;
      x[i] = (float) Math.sin(2 * Math.PI * (f0 * t + 0.5 * k * t * t));
    }
    return x;
  }

  static float[] tone(int rate, double f) {
    return sweep(rate, f, f);
  }

  /** RMS of x ignoring 10% at each end (filter edges). */
  static double rms(float[] x) {
    int a = x.length / 10;
    double s = 0;
    for (int i = a; i < x.length - a; i++) {
      s += x[i] * (double) x[i];
    }
    return Math.sqrt(s / (x.length - 2 * a));
  }

  /** Largest RMS over windows of {@code w} samples, ignoring 10% at each end. */
  static double maxWindowRms(float[] x, int w) {
    double worst = 0;
    for (int s = x.length / 10; s + w <= x.length - x.length / 10; s += w / 2) {
      double e = 0;
      for (int i = s; i < s + w; i++) {
        e += x[i] * (double) x[i];
      }
      worst = Math.max(worst, Math.sqrt(e / w));
    }
    return worst;
  }

  /** Amplitude and residual RMS of a least-squares sine fit at f Hz, ignoring the ends. */
  static double[] fit(float[] y, int rate, double f) {
    int a = y.length / 10;
    double ss = 0;
    double sc = 0;
    double cc = 0;
    double ys = 0;
    double yc = 0;
    for (int i = a; i < y.length - a; i++) {
      double s = Math.sin(2 * Math.PI * f * i / rate);
      double c = Math.cos(2 * Math.PI * f * i / rate);
      ss += s * s;
      cc += c * c;
      sc += s * c;
      ys += y[i] * s;
      yc += y[i] * c;
    }
    double det = ss * cc - sc * sc;
    double bs = (ys * cc - yc * sc) / det;
    double bc = (yc * ss - ys * sc) / det;
    double res = 0;
    for (int i = a; i < y.length - a; i++) {
      double e =
          y[i]
              - bs * Math.sin(2 * Math.PI * f * i / rate)
              - bc * Math.cos(2 * Math.PI * f * i / rate);
      res += e * e;
    }
    return new double[] {Math.hypot(bs, bc), Math.sqrt(res / (y.length - 2 * a))};
  }

  @ParameterizedTest
  @CsvSource({"48000,16000", "44100,16000", "22050,16000", "48000,44100", "96000,8000"})
  void resample_sweepAboveTargetNyquist_attenuatedBy70dB(int from, int to) {
    float[] x = sweep(from, to / 2.0, from / 2.0 * 0.999);

    float[] y = Resampler.resample(x, from, to);

    // Worst 20 ms window: the sweep is there for a narrow band, so this is per-frequency.
    double db = 20 * Math.log10(maxWindowRms(y, to / 50) / rms(x));
    assertThat(db).isLessThanOrEqualTo(-70);
  }

  @ParameterizedTest
  @CsvSource({"48000,16000", "44100,16000", "16000,48000", "22050,16000", "16000,44100"})
  void resample_tonesInPassband_rippleWithin0point1dB(int from, int to) {
    double edge = 0.9 * Math.min(from, to) / 2;
    for (double f = 50; f <= edge; f += edge / 23) {
      double[] amp = fit(Resampler.resample(tone(from, f), from, to), to, f);

      assertThat(20 * Math.log10(amp[0])).as("gain at %.0f Hz", f).isBetween(-0.1, 0.1);
      assertThat(20 * Math.log10(amp[1])).as("residual at %.0f Hz", f).isLessThan(-70);
    }
  }

  @ParameterizedTest
  @CsvSource({"44100,16000,44100", "16000,48000,16000", "44101,16000,44101"})
  void resample_outputLength_isInputDurationAtNewRate(int from, int to, int n) {
    float[] y = Resampler.resample(new float[n], from, to);

    assertThat(y.length).isEqualTo((int) Math.ceil((double) n * to / from));
  }

  @ParameterizedTest
  @CsvSource({"44101,16000", "16000,44101"})
  void resample_awkwardRatio_keepsPassbandTone(int from, int to) {
    double f = 1000;

    double[] amp = fit(Resampler.resample(tone(from, f), from, to), to, f);

    assertThat(20 * Math.log10(amp[0])).isBetween(-0.1, 0.1);
    assertThat(20 * Math.log10(amp[1])).isLessThan(-70);
  }

  @ParameterizedTest
  @CsvSource({"1.25", "0.8", "1.003", "0.95"})
  void stretch_tone_keepsAmplitudeAtScaledFrequency(double ratio) {
    int rate = 16000;
    double f = 1000;

    float[] y = Resampler.stretch(tone(rate, f), ratio);

    double[] amp = fit(y, rate, f / ratio);
    assertThat(y.length).isEqualTo((int) Math.floor(rate * SECONDS * ratio));
    assertThat(20 * Math.log10(amp[0])).isBetween(-0.1, 0.1);
    assertThat(20 * Math.log10(amp[1])).isLessThan(-70);
  }

  @Test
  void stretch_sweepAboveLowerNyquist_attenuatedBy70dB() {
    int rate = 16000;
    double ratio = 0.8;
    float[] x = sweep(rate, rate / 2.0 * ratio, rate / 2.0 * 0.999);

    float[] y = Resampler.stretch(x, ratio);

    double db = 20 * Math.log10(maxWindowRms(y, rate / 50) / rms(x));
    assertThat(db).isLessThanOrEqualTo(-70);
  }

  @Test
  void stretch_integerRatio_matchesPolyphasePath() {
    float[] x = sweep(16000, 50, 7000);

    float[] a = Resampler.stretch(x, 3.0);
    float[] b = Resampler.resample(x, 16000, 48000);

    double err = 0;
    for (int i = a.length / 10; i < a.length * 9 / 10; i++) {
      err = Math.max(err, Math.abs(a[i] - b[i]));
    }
    assertThat(err).isLessThan(1e-3);
  }

  @Test
  void stretch_badRatio_rejected() {
    assertThatThrownBy(() -> Resampler.stretch(new float[4], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ratio must be positive and finite");
    assertThatThrownBy(() -> Resampler.stretch(new float[4], Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ratio must be positive and finite");
  }
}

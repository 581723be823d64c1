package org.voxproof.bench;

import java.util.ArrayList;
import java.util.List;
import org.jtransforms.fft.DoubleFFT_1D;
import org.voxproof.dsp.Resampler;

/**
 * A P.862-style objective quality score (docs/watermark.md § Quality): a simplified perceptual
 * model after the description of ITU-T P.862 (PESQ), not the standard's reference code, so its
 * figures are comparable between tools here but not to published PESQ numbers.
 *
 * <p>Both signals, already time-aligned (a watermark does not shift audio), are resampled to 16 kHz
 * and scaled so the reference's active level is 79 dB SPL. Hamming frames of 32 ms, hop 16 ms;
 * power per Bark band (Zwicker's Bark formula, ≈ 0.33 Bark wide, 100 Hz – 7 kHz); partial frequency
 * equalisation of the reference and per-frame gain compensation of the degraded signal; Zwicker
 * loudness with Terhardt's hearing threshold; disturbance = loudness difference minus a dead zone
 * of a quarter of the smaller loudness; the asymmetric part weighted by the power ratio; L3
 * (symmetric) and L1 (asymmetric) over frequency, L6 over 320 ms intervals, L2 over time; {@code
 * 4.5 − 0.1·d − 0.0309·dA}, and P.862.1's mapping to MOS-LQO.
 *
 * @param raw the P.862-style raw score, −0.5 … 4.5 (4.5: no audible difference)
 * @param mosLqo the raw score through the P.862.1 mapping, ≈ 1.02 … 4.55
 */
record PesqStyle(double raw, double mosLqo) {
  private static final int RATE = 16000;
  private static final int N = 512;
  private static final int HOP = N / 2;
  private static final double LEVEL_SPL_DB = 79;
  private static final double GAMMA = 0.23;
  private static final PesqBands BANDS = PesqBands.create(RATE, N, 100, 7000, 0.33);

  /** Scores {@code y} (degraded) against {@code x} (reference), same length and rate. */
  static PesqStyle of(float[] x, float[] y, int rate) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("reference and degraded differ in length");
    }
    float[] a = rate == RATE ? x : Resampler.resample(x, rate, RATE);
    float[] b = rate == RATE ? y : Resampler.resample(y, rate, RATE);
    double[][] px = bandPowers(a);
    double[][] py = bandPowers(b);
    double scale = calibration(px);
    scale(px, scale);
    scale(py, scale);
    double raw = score(px, py);
    return new PesqStyle(raw, mosLqo(raw));
  }

  /** SPEC: ITU-T P.862.1 (2003) eq. 1, raw P.862 score to MOS-LQO. */
  static double mosLqo(double raw) {
    return 0.999 + 4.0 / (1 + Math.exp(-1.4945 * raw + 4.6607));
  }

  private static double score(double[][] px, double[][] py) {
    int frames = px.length;
    if (frames == 0) {
      return 4.5;
    }
    double[] frameEnergy = new double[frames];
    double[] frameLevel = new double[frames];
    double loudest = 0;
    for (int t = 0; t < frames; t++) {
      frameEnergy[t] = sum(px[t]);
      loudest = Math.max(loudest, frameEnergy[t]);
    }
    double[][] rx = equaliseReference(px, py, frameEnergy, loudest);
    double[][] gy = compensateGain(rx, py);
    double[] dSym = new double[frames];
    double[] dAsym = new double[frames];
    for (int t = 0; t < frames; t++) {
      double[] lx = loudness(rx[t]);
      double[] ly = loudness(gy[t]);
      double[] d = new double[lx.length];
      double[] da = new double[lx.length];
      for (int k = 0; k < lx.length; k++) {
        double diff = ly[k] - lx[k];
        double m = 0.25 * Math.min(lx[k], ly[k]);
        d[k] = diff > m ? diff - m : diff < -m ? diff + m : 0;
        double h = Math.pow((gy[t][k] + 50) / (rx[t][k] + 50), 1.2);
        da[k] = d[k] * (h < 3 ? 0 : Math.min(h, 12));
      }
      // SPEC: P.862 §10.2.10 — frame weighted by the reference's energy (quiet frames count more).
      frameLevel[t] = Math.pow((frameEnergy[t] + 1e5) / 1e7, -0.04);
      dSym[t] = Math.min(45, BANDS.weightedNorm(d, 3) * frameLevel[t]);
      dAsym[t] = Math.min(45, BANDS.weightedNorm(da, 1) * frameLevel[t]);
    }
    double raw = 4.5 - 0.1 * aggregate(dSym) - 0.0309 * aggregate(dAsym);
    return Math.max(-0.5, Math.min(4.5, raw));
  }

  /** L6 over split-second intervals of 20 frames (hop 10), then L2 over the intervals. */
  private static double aggregate(double[] d) {
    List<Double> parts = new ArrayList<>();
    for (int from = 0; from == 0 || from + 20 <= d.length; from += 10) {
      int to = Math.min(d.length, from + 20);
      double s = 0;
      for (int t = from; t < to; t++) {
        s += Math.pow(d[t], 6);
      }
      parts.add(Math.pow(s / Math.max(1, to - from), 1.0 / 6));
    }
    double s = 0;
    for (double p : parts) {
      s += p * p;
    }
    return Math.sqrt(s / parts.size());
  }

  /**
   * SPEC: P.862 §10.2.5 — the reference's bands are scaled by the degraded/reference power ratio
   * averaged over speech-active frames (within 30 dB of the loudest), limited to ±20 dB, so a
   * smooth linear filter is partly forgiven.
   */
  private static double[][] equaliseReference(
      double[][] px, double[][] py, double[] energy, double loudest) {
    int bands = BANDS.count();
    double[] sx = new double[bands];
    double[] sy = new double[bands];
    for (int t = 0; t < px.length; t++) {
      if (energy[t] >= loudest * 1e-3 && energy[t] > 0) {
        for (int k = 0; k < bands; k++) {
          sx[k] += px[t][k];
          sy[k] += py[t][k];
        }
      }
    }
    double[][] out = new double[px.length][bands];
    for (int k = 0; k < bands; k++) {
      double f = (sy[k] + 1000) / (sx[k] + 1000);
      f = Math.max(0.01, Math.min(100, f));
      for (int t = 0; t < px.length; t++) {
        out[t][k] = px[t][k] * f;
      }
    }
    return out;
  }

  /**
   * SPEC: P.862 §10.2.6 — the degraded frame is scaled by the ratio of audible powers (plus 5,000),
   * limited to [3·10⁻⁴, 5] and smoothed (0.8 previous, 0.2 new).
   */
  private static double[][] compensateGain(double[][] rx, double[][] py) {
    double[][] out = new double[py.length][];
    double g = 1;
    for (int t = 0; t < py.length; t++) {
      double ratio = (audible(rx[t]) + 5000) / (audible(py[t]) + 5000);
      ratio = Math.max(3e-4, Math.min(5, ratio));
      g = t == 0 ? ratio : 0.8 * g + 0.2 * ratio;
      out[t] = py[t].clone();
      for (int k = 0; k < out[t].length; k++) {
        out[t][k] *= g;
      }
    }
    return out;
  }

  private static double audible(double[] p) {
    double s = 0;
    for (int k = 0; k < p.length; k++) {
      s += p[k] > 100 * BANDS.threshold(k) ? p[k] : 0;
    }
    return s;
  }

  /** Zwicker's law per band, in sone per band: 0 below the hearing threshold. */
  private static double[] loudness(double[] p) {
    double[] l = new double[p.length];
    for (int k = 0; k < p.length; k++) {
      double p0 = BANDS.threshold(k);
      if (p[k] > p0) {
        l[k] =
            BANDS.sl() * Math.pow(p0 / 0.5, GAMMA) * (Math.pow(0.5 + 0.5 * p[k] / p0, GAMMA) - 1);
      }
    }
    return l;
  }

  /** Band powers per Hamming frame; a frame's band powers sum to its mean square in-band. */
  private static double[][] bandPowers(float[] x) {
    int frames = x.length < N ? 0 : (x.length - N) / HOP + 1;
    double[] w = new double[N];
    double w2 = 0;
    for (int i = 0; i < N; i++) {
      w[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (N - 1));
      w2 += w[i] * w[i];
    }
    DoubleFFT_1D fft = new DoubleFFT_1D(N);
    double[][] out = new double[frames][];
    double[] buf = new double[N];
    for (int t = 0; t < frames; t++) {
      for (int i = 0; i < N; i++) {
        buf[i] = x[t * HOP + i] * w[i];
      }
      fft.realForward(buf);
      double[] bins = new double[N / 2];
      for (int k = 1; k < N / 2; k++) {
        bins[k] = 2 * (buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1]) / (N * w2);
      }
      out[t] = BANDS.collect(bins);
    }
    return out;
  }

  /** Scale that puts the reference's active level (frames within 30 dB of the loudest) at 79 dB. */
  private static double calibration(double[][] px) {
    double loudest = 0;
    for (double[] f : px) {
      loudest = Math.max(loudest, sum(f));
    }
    double s = 0;
    int n = 0;
    for (double[] f : px) {
      double e = sum(f);
      if (e > 0 && e >= loudest * 1e-3) {
        s += e;
        n++;
      }
    }
    return n == 0 ? 1 : Math.pow(10, LEVEL_SPL_DB / 10) / (s / n);
  }

  private static void scale(double[][] p, double f) {
    for (double[] row : p) {
      for (int k = 0; k < row.length; k++) {
        row[k] *= f;
      }
    }
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }
}

package org.voxproof.bench;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Objective quality of a marked clip against its original: SNR over the clip, the worst 1 s block's
 * SNR, the log-spectral distance, and a P.862-style perceptual score ({@link PesqStyle}) beside the
 * score of white noise at the same SNR (docs/watermark.md § Quality).
 *
 * <p>Log-spectral distance: Hann frames of 32 ms (rounded up to a power of two), hop half a frame;
 * for every frame whose original energy is within 50 dB of the loudest frame, the RMS over bins up
 * to 8 kHz (or Nyquist) of {@code 10·log10((P_x + ε) / (P_y + ε))}, with ε 100 dB below the loudest
 * original bin; the figure is the mean over those frames, in dB (0 for identical signals).
 *
 * @param snrDb SNR over the whole clip
 * @param minBlockSnrDb the lowest SNR of any whole 1 s block with signal
 * @param lsdDb log-spectral distance in dB
 * @param pesq the P.862-style raw score of the marked clip (4.5: no audible difference)
 * @param pesqNoise the same score for the original plus white noise at the marked clip's SNR
 */
record WatermarkQuality(
    double snrDb, double minBlockSnrDb, double lsdDb, double pesq, double pesqNoise) {
  private static final double FRAME_SECONDS = 0.032;
  private static final double FRAME_RANGE_DB = 50;
  private static final double FLOOR_DB = 100;

  static WatermarkQuality of(float[] x, float[] y, int rate) {
    double snr = snr(x, y, 0, x.length);
    return new WatermarkQuality(
        snr,
        minBlockSnr(x, y, rate),
        lsd(x, y, rate),
        PesqStyle.of(x, y, rate).raw(),
        PesqStyle.of(x, whiteNoiseAt(x, snr), rate).raw());
  }

  /** {@code x} plus white Gaussian noise (fixed seed) at the given SNR. */
  static float[] whiteNoiseAt(float[] x, double snrDb) {
    double e = 0;
    for (float v : x) {
      e += (double) v * v;
    }
    double std = Double.isInfinite(snrDb) ? 0 : Math.sqrt(e / x.length / Math.pow(10, snrDb / 10));
    java.util.Random r = new java.util.Random(862);
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = (float) (x[i] + std * r.nextGaussian());
    }
    return y;
  }

  static double snr(float[] x, float[] y, int from, int to) {
    double ex = 0;
    double ew = 0;
    for (int i = from; i < to; i++) {
      ex += (double) x[i] * x[i];
      double d = (double) y[i] - x[i];
      ew += d * d;
    }
    return ew == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(ex / ew);
  }

  private static double minBlockSnr(float[] x, float[] y, int rate) {
    double worst = Double.POSITIVE_INFINITY;
    for (int from = 0; from + rate <= x.length; from += rate) {
      worst = Math.min(worst, snr(x, y, from, from + rate));
    }
    return worst;
  }

  static double lsd(float[] x, float[] y, int rate) {
    int n = Integer.highestOneBit((int) Math.ceil(FRAME_SECONDS * rate) - 1) << 1;
    int hop = n / 2;
    int frames = x.length < n ? 0 : (x.length - n) / hop + 1;
    int bins = Math.min(n / 2, (int) Math.floor(8000.0 * n / rate));
    double[][] px = new double[frames][];
    double[][] py = new double[frames][];
    double[] energy = new double[frames];
    double peakFrame = 0;
    double peakBin = 0;
    DoubleFFT_1D fft = new DoubleFFT_1D(n);
    for (int t = 0; t < frames; t++) {
      px[t] = power(x, t * hop, n, bins, fft);
      py[t] = power(y, t * hop, n, bins, fft);
      for (double p : px[t]) {
        energy[t] += p;
        peakBin = Math.max(peakBin, p);
      }
      peakFrame = Math.max(peakFrame, energy[t]);
    }
    double eps = peakBin * Math.pow(10, -FLOOR_DB / 10) + 1e-30;
    double floor = peakFrame * Math.pow(10, -FRAME_RANGE_DB / 10);
    double sum = 0;
    int used = 0;
    for (int t = 0; t < frames; t++) {
      if (energy[t] < floor || energy[t] == 0) {
        continue;
      }
      double s = 0;
      for (int k = 0; k < bins; k++) {
        double d = 10 * Math.log10((px[t][k] + eps) / (py[t][k] + eps));
        s += d * d;
      }
      sum += Math.sqrt(s / bins);
      used++;
    }
    return used == 0 ? 0 : sum / used;
  }

  /** Power of bins 1..bins of one Hann-windowed frame. */
  private static double[] power(float[] x, int off, int n, int bins, DoubleFFT_1D fft) {
    double[] buf = new double[n];
    for (int i = 0; i < n; i++) {
      buf[i] = x[off + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
    }
    fft.realForward(buf);
    double[] p = new double[bins];
    for (int k = 1; k <= bins; k++) {
      boolean nyquist = k == n / 2;
      double re = nyquist ? buf[1] : buf[2 * k];
      double im = nyquist ? 0 : buf[2 * k + 1];
      p[k - 1] = re * re + im * im;
    }
    return p;
  }
}

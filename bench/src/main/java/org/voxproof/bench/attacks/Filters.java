package org.voxproof.bench.attacks;

import org.jtransforms.fft.DoubleFFT_1D;

/** Brick-wall FFT filters over the whole signal (harsher than the FIR filters of AudioSeal). */
public final class Filters {
  private Filters() {}

  /** Keeps only frequencies in [loHz, hiHz]. */
  public static float[] band(float[] x, int rate, double loHz, double hiHz) {
    int n = x.length;
    double[] a = new double[2 * n];
    for (int i = 0; i < n; i++) {
      a[i] = x[i];
    }
    DoubleFFT_1D fft = new DoubleFFT_1D(n);
    fft.realForwardFull(a);
    for (int k = 0; k < n; k++) {
      double f = (double) Math.min(k, n - k) * rate / n;
      if (f < loHz || f > hiHz) {
        a[2 * k] = 0;
        a[2 * k + 1] = 0;
      }
    }
    fft.complexInverse(a, true);
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      y[i] = (float) a[2 * i];
    }
    return y;
  }

  /** Moving average of the last {@code window} samples. */
  public static float[] movingAverage(float[] x, int window) {
    float[] y = new float[x.length];
    double acc = 0;
    for (int i = 0; i < x.length; i++) {
      acc += x[i];
      if (i >= window) {
        acc -= x[i - window];
      }
      y[i] = (float) (acc / Math.min(window, i + 1));
    }
    return y;
  }
}

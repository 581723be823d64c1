package org.voxproof.consent.checks.internal;

import org.jtransforms.fft.FloatFFT_1D;

/** Power spectrum of one real frame, zero-padded to a power of two. Not thread-safe. */
final class PowerSpectrum {
  private final int size;
  private final FloatFFT_1D fft;
  private final float[] buf;

  PowerSpectrum(int size) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("FFT size must be a power of two: " + size);
    }
    this.size = size;
    this.fft = new FloatFFT_1D(size);
    this.buf = new float[size];
  }

  int size() {
    return size;
  }

  /** |X[k]|^2 for k in [0, size/2] of {@code frame} (length ≤ size). */
  void compute(float[] frame, int length, double[] out) {
    System.arraycopy(frame, 0, buf, 0, length);
    java.util.Arrays.fill(buf, length, size, 0f);
    fft.realForward(buf);
    out[0] = (double) buf[0] * buf[0];
    out[size / 2] = (double) buf[1] * buf[1];
    for (int k = 1; k < size / 2; k++) {
      double re = buf[2 * k];
      double im = buf[2 * k + 1];
      out[k] = re * re + im * im;
    }
  }
}

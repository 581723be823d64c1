package org.voxproof.watermark.internal;

/**
 * The fixed time-frequency grid at the internal rate of 16 kHz: STFT frames of 512 samples (Hann,
 * hop 256), slots of 4 hops (64 ms), a period of 40 slots (2.56 s), and log-spaced bands from 156
 * Hz to 7.3 kHz, each at least two bins and about 2 % wide, grouped in adjacent pairs.
 */
public final class Grid {
  public static final int RATE = 16000;
  public static final int N = 512;
  public static final int HOP = 256;
  public static final int FRAMES_PER_SLOT = 4;
  public static final int SLOT = HOP * FRAMES_PER_SLOT;
  public static final int PERIOD = 40;
  private static final int FIRST_BIN = 5;
  private static final int LAST_BIN = 234;
  private static final double WIDTH = 0.02;

  /** Band b covers bins [BAND_LO[b], BAND_HI[b]). */
  public static final int[] BAND_LO;

  public static final int[] BAND_HI;
  public static final int BANDS;

  /** Cells pair bands (2p, 2p + 1); a cell's value is their log energy ratio. */
  public static final int PAIRS;

  public static final int CELLS;
  public static final float[] HANN = hann();

  static {
    int[] lo = new int[160];
    int[] hi = new int[160];
    int n = 0;
    int k = FIRST_BIN;
    while (k < LAST_BIN) {
      int w = Math.max(2, (int) Math.round(k * WIDTH));
      lo[n] = k;
      hi[n] = Math.min(LAST_BIN, k + w);
      k = hi[n++];
    }
    BAND_LO = java.util.Arrays.copyOf(lo, n);
    BAND_HI = java.util.Arrays.copyOf(hi, n);
    BANDS = n;
    PAIRS = n / 2;
    CELLS = PERIOD * PAIRS;
  }

  private Grid() {}

  private static float[] hann() {
    float[] w = new float[N];
    for (int i = 0; i < N; i++) {
      w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / N));
    }
    return w;
  }

  /** Band energies of one real-FFT spectrum in JTransforms packed layout. */
  public static void bandEnergies(float[] spec, float[] out, int outOff) {
    for (int b = 0; b < BANDS; b++) {
      double e = 0;
      for (int k = BAND_LO[b]; k < BAND_HI[b]; k++) {
        float re = spec[2 * k];
        float im = spec[2 * k + 1];
        e += re * re + im * im;
      }
      out[outOff + b] = (float) e;
    }
  }
}

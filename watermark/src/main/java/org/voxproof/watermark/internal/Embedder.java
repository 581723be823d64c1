package org.voxproof.watermark.internal;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Computes the watermark signal for 16 kHz host audio: per slot and band, the host's own spectrum
 * scaled by a small factor (multiplicative band modulation), planned by {@link Iss}.
 */
public final class Embedder {
  private final Layout layout;
  private final byte[] coded;
  private final double budget;
  private final FloatFFT_1D fft = new FloatFFT_1D(Grid.N);

  /** {@code snrDb}: the SNR each 1 s block aims at. */
  public Embedder(Layout layout, byte[] coded, double snrDb) {
    this.layout = layout;
    this.coded = coded.clone();
    this.budget = Math.pow(10, -snrDb / 10);
  }

  /** The watermark signal w (same length as x); the marked audio is x + w. */
  public float[] watermark(float[] x) {
    int slots = (x.length + Grid.SLOT - 1) / Grid.SLOT;
    int frames = slots * Grid.FRAMES_PER_SLOT;
    float[][] spectra = new float[frames][];
    float[] energies = new float[(frames + 3) * Grid.BANDS];
    double[] slotTotal = new double[slots];
    for (int t = 0; t < frames; t++) {
      spectra[t] = spectrum(x, t * Grid.HOP);
      Grid.bandEnergies(spectra[t], energies, t * Grid.BANDS);
      slotTotal[t / Grid.FRAMES_PER_SLOT] += total(spectra[t]);
    }
    float[] v = Cells.slotLogEnergies(energies, 0, slots);
    float[] e = slotEnergies(energies, slots);
    Iss iss = new Iss(v, e, slotTotal, layout, coded, budget);
    return synthesise(spectra, iss.deltas(e), x.length);
  }

  private float[] synthesise(float[][] spectra, float[] delta, int length) {
    float[] w = new float[length];
    float[] mark = new float[Grid.N];
    int lo = 2 * Grid.BAND_LO[0];
    int hi = 2 * Grid.BAND_HI[Grid.BANDS - 1];
    for (int t = 0; t < spectra.length; t++) {
      int start = t * Grid.HOP;
      if (start >= length || !markFrame(spectra[t], delta, t / Grid.FRAMES_PER_SLOT, mark)) {
        continue;
      }
      java.util.Arrays.fill(mark, 0, lo, 0f);
      java.util.Arrays.fill(mark, hi, Grid.N, 0f);
      fft.realInverse(mark, true);
      int n = Math.min(Grid.N, length - start);
      for (int i = 0; i < n; i++) {
        w[start + i] += mark[i];
      }
    }
    return w;
  }

  /** Mark spectrum of one frame; false when the frame is not marked at all. */
  private static boolean markFrame(float[] spec, float[] delta, int slot, float[] mark) {
    boolean any = false;
    for (int b = 0; b < Grid.BANDS; b++) {
      float d = delta[slot * Grid.BANDS + b];
      any |= d != 0;
      for (int k = 2 * Grid.BAND_LO[b]; k < 2 * Grid.BAND_HI[b]; k++) {
        mark[k] = d * spec[k];
      }
    }
    return any;
  }

  private static float[] slotEnergies(float[] energies, int slots) {
    float[] e = new float[slots * Grid.BANDS];
    for (int s = 0; s < slots; s++) {
      for (int j = 0; j < Grid.FRAMES_PER_SLOT; j++) {
        int f = s * Grid.FRAMES_PER_SLOT + j;
        for (int b = 0; b < Grid.BANDS; b++) {
          e[s * Grid.BANDS + b] += energies[f * Grid.BANDS + b];
        }
      }
    }
    return e;
  }

  /** Windowed FFT of the frame at {@code start}. */
  private float[] spectrum(float[] x, int start) {
    float[] buf = new float[Grid.N];
    int n = Math.max(0, Math.min(Grid.N, x.length - start));
    for (int i = 0; i < n; i++) {
      buf[i] = x[start + i] * Grid.HANN[i];
    }
    fft.realForward(buf);
    return buf;
  }

  private static double total(float[] spec) {
    double e = 0;
    for (int i = 2; i < Grid.N; i++) {
      e += spec[i] * spec[i];
    }
    return e;
  }
}

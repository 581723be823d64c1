package org.voxproof.watermark.internal;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Cheap band energies of audio played at another speed, without resampling: one fine STFT (hop 128)
 * of the input; for a speed s, the frame of the original at time τ is read at τ / s and band [lo,
 * hi) at [s·lo, s·hi) (fractional bins, from per-frame prefix sums).
 */
final class WarpedScan {
  private static final int FINE_HOP = Grid.HOP / 2;
  private final float[][] prefix;
  private final int inputLength;

  WarpedScan(float[] y, FloatFFT_1D fft) {
    this.inputLength = y.length;
    int frames = Cells.frameCount(y.length, 0) == 0 ? 0 : (y.length - Grid.N) / FINE_HOP + 1;
    prefix = new float[frames][];
    float[] buf = new float[Grid.N];
    for (int t = 0; t < frames; t++) {
      int off = t * FINE_HOP;
      for (int i = 0; i < Grid.N; i++) {
        buf[i] = y[off + i] * Grid.HANN[i];
      }
      fft.realForward(buf);
      float[] p = new float[Grid.N / 2 + 1];
      for (int k = 1; k < Grid.N / 2; k++) {
        p[k + 1] = p[k] + buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
      }
      prefix[t] = p;
    }
  }

  /**
   * Band energies {@code [t * BANDS + b]} of the input undone by {@code speed}, frames at phase.
   */
  float[] energies(double speed, int phase) {
    return energies(speed, speed, phase);
  }

  /**
   * Band energies {@code [t * BANDS + b]} of the input undone by a time scale (the input plays
   * {@code time} times faster) and a frequency scale (its frequencies are {@code freq} times
   * higher), frames at phase. A speed change is {@code time == freq}; a pitch shift that keeps the
   * tempo is {@code time == 1}; a tempo change that keeps the pitch is {@code freq == 1}.
   */
  float[] energies(double time, double freq, int phase) {
    int length = (int) (inputLength * time);
    int frames = Cells.frameCount(length, phase);
    float[] e = new float[Math.max(0, frames) * Grid.BANDS];
    int[] k = new int[Grid.BANDS + 1];
    float[] f = new float[Grid.BANDS + 1];
    for (int b = 0; b <= Grid.BANDS; b++) {
      double bin =
          Math.min(
              Grid.N / 2 - 1e-3, (b < Grid.BANDS ? Grid.BAND_LO[b] : Grid.BAND_HI[b - 1]) * freq);
      k[b] = (int) bin;
      f[b] = (float) (bin - k[b]);
    }
    float scale = (float) (1 / freq);
    for (int t = 0; t < frames; t++) {
      double center = (phase + t * Grid.HOP + Grid.N / 2) / time;
      int fr = (int) Math.round((center - Grid.N / 2.0) / FINE_HOP);
      if (fr < 0 || fr >= prefix.length) {
        continue;
      }
      float[] p = prefix[fr];
      float prev = p[k[0]] + f[0] * (p[k[0] + 1] - p[k[0]]);
      for (int b = 0; b < Grid.BANDS; b++) {
        float next = p[k[b + 1]] + f[b + 1] * (p[k[b + 1] + 1] - p[k[b + 1]]);
        e[t * Grid.BANDS + b] = (next - prev) * scale;
        prev = next;
      }
    }
    return e;
  }
}

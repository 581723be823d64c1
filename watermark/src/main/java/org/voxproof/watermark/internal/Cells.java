package org.voxproof.watermark.internal;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Cell values of 16 kHz audio for one alignment: per slot and band pair, the log ratio of the two
 * bands' energies over the slot's three inner frames, clipped to ±1 so that strong host slopes the
 * embedder could not afford to move weigh no more than a marked cell.
 */
public final class Cells {
  static final double EPS = 1e-10;
  private static final int RADIUS = 8;
  private static final float U_CLIP = 1.0f;
  private static final float CLIP = 3f;

  /** Slots along the clip. */
  public final int slots;

  /** Offset of slot 0 in samples. */
  public final int start;

  /** Cell values, {@code u[s * PAIRS + p]}. */
  public final float[] u;

  /** u folded by slot modulo the period, {@code folded[slotInPeriod * PAIRS + p]}. */
  public final float[] folded;

  private Cells(int slots, int start, float[] u) {
    this.slots = slots;
    this.start = start;
    this.u = u;
    this.folded = new float[Grid.CELLS];
    for (int s = 0; s < slots; s++) {
      int p = s % Grid.PERIOD;
      for (int b = 0; b < Grid.PAIRS; b++) {
        folded[p * Grid.PAIRS + b] += u[s * Grid.PAIRS + b];
      }
    }
  }

  /** Band energies of the frames starting at {@code phase + t * HOP}, {@code [t * BANDS + b]}. */
  public static float[] frameEnergies(float[] x, int phase, FloatFFT_1D fft) {
    int frames = frameCount(x.length, phase);
    float[] e = new float[Math.max(0, frames) * Grid.BANDS];
    float[] buf = new float[Grid.N];
    for (int t = 0; t < frames; t++) {
      int off = phase + t * Grid.HOP;
      for (int i = 0; i < Grid.N; i++) {
        buf[i] = x[off + i] * Grid.HANN[i];
      }
      fft.realForward(buf);
      Grid.bandEnergies(buf, e, t * Grid.BANDS);
    }
    return e;
  }

  public static int frameCount(int length, int phase) {
    return length - phase < Grid.N ? 0 : (length - phase - Grid.N) / Grid.HOP + 1;
  }

  /** Number of whole slots in {@code frames} frames when slot 0 starts at frame {@code hop}. */
  static int slotCount(int frames, int hop) {
    return frames - hop - 3 < 0 ? 0 : (frames - hop - 3) / Grid.FRAMES_PER_SLOT + 1;
  }

  /** Log band energies of slots: {@code v[s * BANDS + b]}, from frames hop + 4s .. hop + 4s + 2. */
  static float[] slotLogEnergies(float[] energies, int hop, int slots) {
    int bands = Grid.BANDS;
    float[] v = new float[slots * bands];
    for (int s = 0; s < slots; s++) {
      int f = hop + s * Grid.FRAMES_PER_SLOT;
      for (int b = 0; b < bands; b++) {
        double sum = energies[f * bands + b] + energies[(f + 1) * bands + b];
        sum += energies[(f + 2) * bands + b];
        v[s * bands + b] = FastLog.ln((float) (sum + EPS));
      }
    }
    return v;
  }

  /** Cells whose slot 0 starts at frame {@code hop} of the given frame energies. */
  public static Cells of(float[] energies, int phase, int hop) {
    int slots = slotCount(energies.length / Grid.BANDS, hop);
    float[] u = pairValues(slotLogEnergies(energies, hop, slots), slots);
    for (int i = 0; i < u.length; i++) {
      u[i] = Math.max(-U_CLIP, Math.min(U_CLIP, u[i]));
    }
    return new Cells(slots, phase + hop * Grid.HOP, u);
  }

  /**
   * Unclipped cell values from slot log energies: the log ratio of each pair's bands minus its
   * running mean over eight slots either side (the pair's spectral slope).
   */
  static float[] pairValues(float[] v, int slots) {
    int pairs = Grid.PAIRS;
    float[] d = new float[slots * pairs];
    for (int s = 0; s < slots; s++) {
      for (int p = 0; p < pairs; p++) {
        float r = v[s * Grid.BANDS + 2 * p] - v[s * Grid.BANDS + 2 * p + 1];
        d[s * pairs + p] = Math.max(-CLIP, Math.min(CLIP, r));
      }
    }
    double[] prefix = new double[(slots + 1) * pairs];
    for (int s = 0; s < slots; s++) {
      for (int p = 0; p < pairs; p++) {
        prefix[(s + 1) * pairs + p] = prefix[s * pairs + p] + d[s * pairs + p];
      }
    }
    float[] u = new float[d.length];
    for (int s = 0; s < slots; s++) {
      int lo = Math.max(0, s - RADIUS);
      int hi = Math.min(slots - 1, s + RADIUS);
      int n = hi - lo;
      if (n == 0) {
        continue;
      }
      for (int p = 0; p < pairs; p++) {
        double own = d[s * pairs + p];
        double sum = prefix[(hi + 1) * pairs + p] - prefix[lo * pairs + p] - own;
        u[s * pairs + p] = (float) (own - sum / n);
      }
    }
    return u;
  }
}

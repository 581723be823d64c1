package org.voxproof.watermark.internal;

/**
 * Informed embedding (after Malvar and Florêncio's improved spread spectrum): each cell's value
 * (log band ratio of its pair, minus the pair's running mean) should reach {@link #MARGIN} in the
 * direction of its sign. The host's own value is measured first, so a cell the host already favours
 * costs nothing and one it opposes is pushed just far enough, by raising one band and lowering the
 * other (mostly the quieter one). Per 1 s block, cells are pushed cheapest first until the block's
 * watermark energy reaches the SNR budget; the rest are left alone.
 */
final class Iss {
  private static final int BLOCK_SLOTS = 16;
  private static final double MAX_CHANGE = 3.0;

  /** Target log energy ratio of a pushed cell, in the direction of its sign (6.5 dB). */
  private static final double MARGIN = 1.5;

  /** Energy ratio between consecutive slots that counts as a transient (20 dB). */
  private static final double ONSET = 100;

  /** Largest log-ratio change in a slot before a transient (weak marking, 4.3 dB). */
  private static final double ONSET_CHANGE = 1.0;

  /** Slots quieter than this (dB below the mean slot) are left unmarked. */
  private static final double SILENCE_DB = 40;

  private final int slots;
  private final float[] host;
  private final float[] cost;
  private final int[] sign;
  private final float[] change;
  private final float[] limit;

  /**
   * @param v slot log energies of the host, {@code [s * BANDS + b]}
   * @param e slot energies over the 4 marked frames, {@code [s * BANDS + b]}
   * @param slotTotal full-band energy of each slot
   */
  Iss(float[] v, float[] e, double[] slotTotal, Layout layout, byte[] coded, double budget) {
    this.slots = slotTotal.length;
    int cells = slots * Grid.PAIRS;
    host = new float[cells];
    cost = new float[cells];
    sign = new int[cells];
    change = new float[cells];
    limit = new float[cells];
    double silence = silence(slotTotal);
    float[] values = Cells.pairValues(v, slots);
    for (int s = 0; s < slots; s++) {
      for (int p = 0; p < Grid.PAIRS; p++) {
        int i = s * Grid.PAIRS + p;
        int c = layout.sign((s % Grid.PERIOD) * Grid.PAIRS + p, coded);
        sign[i] = slotTotal[s] > silence ? c : 0;
        limit[i] = (float) (onset(slotTotal, s) ? ONSET_CHANGE : MAX_CHANGE);
        int a = s * Grid.BANDS + 2 * p;
        host[i] = c * values[i];
        double ea = e[a];
        double eb = e[a + 1];
        cost[i] = (float) (ea * eb / (ea + eb + 1e-30));
      }
    }
    for (int from = 0; from < slots; from += BLOCK_SLOTS) {
      planBlock(from, Math.min(slots, from + BLOCK_SLOTS), slotTotal, budget);
    }
  }

  /** True for the slot just before a transient (the next slot is 20 dB louder): pre-echo risk. */
  private static boolean onset(double[] slotTotal, int s) {
    return s + 1 < slotTotal.length && slotTotal[s + 1] > ONSET * slotTotal[s];
  }

  private static double silence(double[] slotTotal) {
    double mean = 0;
    for (double t : slotTotal) {
      mean += t;
    }
    mean /= Math.max(1, slotTotal.length);
    return Math.max(1e-8, mean * Math.pow(10, -SILENCE_DB / 10));
  }

  private void planBlock(int from, int to, double[] slotTotal, double budget) {
    double target = 0;
    for (int s = from; s < to; s++) {
      target += slotTotal[s] * budget;
    }
    int n = (to - from) * Grid.PAIRS;
    double[] price = new double[n];
    for (int i = 0; i < n; i++) {
      int k = from * Grid.PAIRS + i;
      double x = need(k, MARGIN);
      price[i] = sign[k] == 0 || x >= limit[k] ? Double.MAX_VALUE : x * x * cost[k] / 4;
    }
    double cutoff = cutoff(price, target);
    for (int i = 0; i < n; i++) {
      if (price[i] <= cutoff) {
        int k = from * Grid.PAIRS + i;
        change[k] = need(k, MARGIN);
      }
    }
  }

  /** The highest price such that all cells at or below it together cost at most the target. */
  private static double cutoff(double[] price, double target) {
    double[] sorted = price.clone();
    java.util.Arrays.sort(sorted);
    double spent = 0;
    double cutoff = -1;
    for (double p : sorted) {
      if (p == Double.MAX_VALUE || spent + p > target) {
        break;
      }
      spent += p;
      cutoff = p;
    }
    return cutoff;
  }

  private float need(int k, double m) {
    return (float) Math.max(0, m - host[k]);
  }

  /** Relative magnitude change of each band per slot, {@code [s * BANDS + b]}. */
  float[] deltas(float[] e) {
    float[] d = new float[slots * Grid.BANDS];
    for (int s = 0; s < slots; s++) {
      for (int p = 0; p < Grid.PAIRS; p++) {
        int i = s * Grid.PAIRS + p;
        if (sign[i] == 0 || change[i] == 0) {
          continue;
        }
        int a = s * Grid.BANDS + 2 * p;
        int up = sign[i] > 0 ? a : a + 1;
        int down = sign[i] > 0 ? a + 1 : a;
        double eu = e[up];
        double ed = e[down];
        double x = change[i];
        double toUp = x * ed / (eu + ed + 1e-30);
        d[up] = (float) (Math.exp(toUp / 2) - 1);
        d[down] = (float) (Math.exp(-(x - toUp) / 2) - 1);
      }
    }
    return d;
  }
}

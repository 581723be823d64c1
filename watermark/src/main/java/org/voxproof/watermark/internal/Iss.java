package org.voxproof.watermark.internal;

/**
 * Informed embedding (improved spread spectrum, after Malvar and Florêncio): each cell's log band
 * ratio must reach a margin in the direction of its sign; the host's own ratio is measured first,
 * so a cell the host already favours costs nothing and one it opposes is pushed just far enough.
 * Margins shrink for cells whose bands are loud (costly); per 1 s block the common margin is the
 * largest whose energy fits the SNR budget.
 */
public final class Iss {
  private static final int BLOCK_SLOTS = 16;
  private static final double MAX_CHANGE = 3.0;
  public static double MARGIN = 1.5;

  private final int slots;
  private final float[] host;
  private final float[] cost;
  private final float[] margin;
  private final int[] sign;
  private final float[] change;

  /**
   * @param v slot log energies of the host, {@code [s * BANDS + b]}
   * @param e slot energies over the 4 marked frames, {@code [s * BANDS + b]}
   * @param frameTotal full-band energy of each slot
   */
  Iss(
      float[] v,
      float[] e,
      double[] slotTotal,
      Layout layout,
      byte[] coded,
      Shaping shaping,
      double budget) {
    this.slots = slotTotal.length;
    int cells = slots * Grid.PAIRS;
    host = new float[cells];
    cost = new float[cells];
    margin = new float[cells];
    sign = new int[cells];
    change = new float[cells];
    double silence = silence(slotTotal, shaping);
    float[] values = Cells.pairValues(v, slots);
    for (int s = 0; s < slots; s++) {
      for (int p = 0; p < Grid.PAIRS; p++) {
        int i = s * Grid.PAIRS + p;
        int c = layout.sign((s % Grid.PERIOD) * Grid.PAIRS + p, coded);
        sign[i] = slotTotal[s] > silence ? c : 0;
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
    if (Embedder.DEBUG) {
      int forced = 0;
      int free = 0;
      int live = 0;
      for (int i = 0; i < cells; i++) {
        live += sign[i] != 0 ? 1 : 0;
        forced += margin[i] > 0 ? 1 : 0;
        free += margin[i] > 0 && change[i] == 0 ? 1 : 0;
      }
      System.err.printf("cells %d live %d forced %d free %d%n", cells, live, forced, free);
    }
  }

  private static double silence(double[] slotTotal, Shaping shaping) {
    double mean = 0;
    for (double t : slotTotal) {
      mean += t;
    }
    mean /= Math.max(1, slotTotal.length);
    return Math.max(1e-8, mean * Math.pow(10, -shaping.silenceDb() / 10));
  }

  private void planBlock(int from, int to, double[] slotTotal, double budget) {
    double target = 0;
    for (int s = from; s < to; s++) {
      target += slotTotal[s] * budget;
    }
    int n = (to - from) * Grid.PAIRS;
    double[] price = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      int k = from * Grid.PAIRS + i;
      double x = need(k, MARGIN);
      price[i] = sign[k] == 0 || x >= MAX_CHANGE ? Double.MAX_VALUE : x * x * cost[k] / 4;
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(price[a], price[b]));
    double spent = 0;
    for (int i : order) {
      if (price[i] == Double.MAX_VALUE || spent + price[i] > target) {
        break;
      }
      spent += price[i];
      int k = from * Grid.PAIRS + i;
      margin[k] = (float) MARGIN;
      change[k] = need(k, MARGIN);
    }
  }

  private float need(int k, double m) {
    return (float) Math.max(0, m - host[k]);
  }

  /** After measuring the marked audio ({@code v}), pushes cells that fell short once more. */
  void refine(float[] v) {
    float[] values = Cells.pairValues(v, slots);
    for (int s = 0; s < slots; s++) {
      for (int p = 0; p < Grid.PAIRS; p++) {
        int i = s * Grid.PAIRS + p;
        if (margin[i] == 0) {
          continue;
        }
        double got = sign[i] * values[i];
        double shortfall = Math.max(0, margin[i] - got);
        change[i] = (float) Math.min(MAX_CHANGE, change[i] + shortfall);
      }
    }
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

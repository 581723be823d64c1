package org.voxproof.watermark.internal;

import java.util.ArrayList;
import java.util.List;
import org.voxproof.watermark.Segment;

/** Per-second z-scores at a chosen alignment, and the marked segments they imply. */
public final class Scores {
  /** A second at or above this z-score counts as marked. */
  public static final double SEGMENT_Z = 3.0;

  private Scores() {}

  /**
   * z-score of each second of the analysed signal; cells are compared with the expected signs
   * ({@code coded} may be null: pilots only).
   */
  public static double[] perSecond(Candidate c, Layout layout, byte[] coded, int length) {
    int seconds = (length + Grid.RATE - 1) / Grid.RATE;
    double[] num = new double[seconds];
    double[] den = new double[seconds];
    Cells cells = c.cells();
    int bands = Grid.PAIRS;
    for (int s = 0; s < cells.slots; s++) {
      int sec = Math.min(seconds - 1, (cells.start + s * Grid.SLOT + Grid.SLOT / 2) / Grid.RATE);
      int base = ((s + c.offset()) % Grid.PERIOD) * bands;
      for (int b = 0; b < bands; b++) {
        int cell = base + b;
        if (coded == null && !layout.isPilot(cell)) {
          continue;
        }
        float u = cells.u[s * bands + b];
        num[sec] += (coded == null ? layout.chip(cell) : layout.sign(cell, coded)) * u;
        den[sec] += u * u;
      }
    }
    double[] z = new double[seconds];
    for (int i = 0; i < seconds; i++) {
      z[i] = den[i] > 0 ? num[i] / Math.sqrt(den[i]) : 0;
    }
    return z;
  }

  /** Runs of marked seconds, mapped back to input milliseconds by the speed factor. */
  public static List<Segment> segments(double[] z, double speed, long inputMs) {
    List<Segment> out = new ArrayList<>();
    int i = 0;
    while (i < z.length) {
      if (z[i] < SEGMENT_Z) {
        i++;
        continue;
      }
      int j = i;
      while (j < z.length && z[j] >= SEGMENT_Z) {
        j++;
      }
      long from = Math.min(inputMs, Math.round(i * 1000 / speed));
      long to = Math.min(inputMs, Math.round(j * 1000 / speed));
      out.add(new Segment(from, to));
      i = j;
    }
    return out;
  }
}

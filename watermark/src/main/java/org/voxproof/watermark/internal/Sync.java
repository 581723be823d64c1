package org.voxproof.watermark.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jtransforms.fft.FloatFFT_1D;

/** Pilot correlation over all alignments, and decoding soft bits at one alignment. */
public final class Sync {
  private Sync() {}

  /** All cell alignments of x at the given sample phases (4 hop phases each). */
  public static List<Cells> analyse(float[] x, int[] phases, FloatFFT_1D fft) {
    List<Cells> out = new ArrayList<>();
    for (int phase : phases) {
      float[] e = Cells.frameEnergies(x, phase, fft);
      for (int hop = 0; hop < Grid.FRAMES_PER_SLOT; hop++) {
        out.add(Cells.of(e, phase, hop));
      }
    }
    return out;
  }

  /** Every candidate (alignment × period offset × key), best first. */
  public static List<Candidate> candidates(List<Cells> all, List<Layout> layouts, double speed) {
    return candidates(all, layouts, speed, speed);
  }

  /** Every candidate at a time scale {@code speed} and a frequency scale {@code pitch}. */
  public static List<Candidate> candidates(
      List<Cells> all, List<Layout> layouts, double speed, double pitch) {
    List<Candidate> out = new ArrayList<>();
    for (Cells c : all) {
      for (int k = 0; k < layouts.size(); k++) {
        for (int o = 0; o < Grid.PERIOD; o++) {
          out.add(new Candidate(layouts.get(k).z(c.folded, o), c, o, k, speed, pitch));
        }
      }
    }
    out.sort(Comparator.comparingDouble(Candidate::z).reversed());
    return out;
  }

  /** Soft values of the coded bits at a candidate; positive favours 0. */
  public static double[] soft(Candidate c, Layout layout) {
    double[] soft = new double[ConvCode.CODED_BITS];
    int bands = Grid.PAIRS;
    float[] folded = c.cells().folded;
    for (int p = 0; p < Grid.PERIOD; p++) {
      int base = ((p + c.offset()) % Grid.PERIOD) * bands;
      for (int b = 0; b < bands; b++) {
        int cell = base + b;
        if (!layout.isPilot(cell)) {
          soft[layout.bit(cell)] += layout.chip(cell) * folded[p * bands + b];
        }
      }
    }
    return soft;
  }

  /** The best candidates that are not the same alignment as a better one. */
  public static List<Candidate> distinct(List<Candidate> sorted, int max) {
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : sorted) {
      if (out.size() == max) {
        break;
      }
      if (out.stream().noneMatch(c::sameAlignment)) {
        out.add(c);
      }
    }
    return out;
  }
}

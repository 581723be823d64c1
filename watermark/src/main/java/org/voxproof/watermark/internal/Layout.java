package org.voxproof.watermark.internal;

/**
 * The keyed cell layout of one period: which cells are sync pilots, each cell's chip (+1/-1), and
 * which coded bit a data cell carries. A cell is (slot in period, band pair): index slot * PAIRS +
 * pair.
 */
public final class Layout {
  /** One cell in this many is a pilot. */
  public static final int PILOT_EVERY = 5;

  private final boolean[] pilot;
  private final byte[] chip;
  private final short[] bit;
  private final int pilots;
  private final int[] pilotCells;
  private final byte[] pilotChips;

  public Layout(byte[] secret) {
    KeyStream ks = new KeyStream(secret, "voxproof-wm/layout/v1");
    int cells = Grid.CELLS;
    pilot = new boolean[cells];
    chip = new byte[cells];
    bit = new short[cells];
    int[] perm = ks.permutation(cells);
    pilots = cells / PILOT_EVERY;
    int dataIndex = 0;
    for (int i = 0; i < cells; i++) {
      int cell = perm[i];
      if (i < pilots) {
        pilot[cell] = true;
      } else {
        bit[cell] = (short) (dataIndex++ % ConvCode.CODED_BITS);
      }
    }
    for (int c = 0; c < cells; c += 8) {
      int r = ks.nextByte();
      for (int j = 0; j < 8 && c + j < cells; j++) {
        chip[c + j] = (byte) (((r >> j) & 1) == 0 ? 1 : -1);
      }
    }
    pilotCells = new int[pilots];
    pilotChips = new byte[pilots];
    for (int c = 0, n = 0; c < cells; c++) {
      if (pilot[c]) {
        pilotCells[n] = c;
        pilotChips[n++] = chip[c];
      }
    }
  }

  /** Pilot z-score of folded cells under a period offset (cell c of the clip is c + offset). */
  double z(float[] folded, int offset) {
    double num = 0;
    double den = 0;
    int shift = offset * Grid.PAIRS;
    for (int i = 0; i < pilotCells.length; i++) {
      int cell = pilotCells[i] - shift;
      float a = folded[cell < 0 ? cell + Grid.CELLS : cell];
      num += pilotChips[i] * a;
      den += a * a;
    }
    return den > 0 ? num / Math.sqrt(den) : 0;
  }

  public boolean isPilot(int cell) {
    return pilot[cell];
  }

  public int chip(int cell) {
    return chip[cell];
  }

  public int bit(int cell) {
    return bit[cell];
  }

  public int pilots() {
    return pilots;
  }

  /** The sign a cell is marked with: its chip, flipped for a data cell carrying a one. */
  public int sign(int cell, byte[] coded) {
    if (pilot[cell]) {
      return chip[cell];
    }
    return coded[bit[cell]] == 0 ? chip[cell] : -chip[cell];
  }
}

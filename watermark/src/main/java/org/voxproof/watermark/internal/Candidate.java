package org.voxproof.watermark.internal;

/**
 * One synchronisation hypothesis: an alignment of the cell grid, a period offset, a key.
 *
 * @param z pilot correlation z-score
 * @param cells cell values at this alignment
 * @param offset period slot of the clip's slot 0
 * @param key index of the key
 * @param speed time scale the audio was undone by before analysis (it played this much faster)
 * @param pitch frequency scale undone before analysis (its frequencies were this much higher; equal
 *     to {@code speed} for a plain speed change, 1 for a tempo change that keeps the pitch)
 */
public record Candidate(double z, Cells cells, int offset, int key, double speed, double pitch) {

  public Candidate(double z, Cells cells, int offset, int key, double speed) {
    this(z, cells, offset, key, speed, speed);
  }

  /** Sample position (mod one period) where period slot 0 begins. */
  int position() {
    int period = Grid.PERIOD * Grid.SLOT;
    return Math.floorMod(cells.start - offset * Grid.SLOT, period);
  }

  boolean sameAlignment(Candidate o) {
    int period = Grid.PERIOD * Grid.SLOT;
    int d = Math.floorMod(position() - o.position(), period);
    return key == o.key && Math.min(d, period - d) <= 3 * Grid.HOP / 4;
  }
}

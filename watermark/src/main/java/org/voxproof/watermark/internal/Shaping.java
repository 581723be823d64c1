package org.voxproof.watermark.internal;

/**
 * How strongly each cell is marked, from the host spectrum: bands quieter than the frame's mean
 * band get a larger relative change ({@code delta = delta0 * (mean / band)^kappa}, at most {@code
 * deltaMax}); silent frames are left unmarked and onsets are marked at half strength.
 *
 * @param delta0 relative magnitude change of a band at the frame's mean band energy
 * @param kappa how much quieter bands are boosted (0: flat)
 * @param deltaMax cap on the relative magnitude change
 * @param silenceDb frames this far below the clip's mean frame energy are not marked
 */
public record Shaping(double delta0, double kappa, double deltaMax, double silenceDb) {
  public static final Shaping DEFAULT = new Shaping(0.1, 1.0, 0.7, 40);

  /**
   * The unscaled relative change for a band of energy {@code band} in a frame of mean band {@code
   * mean}.
   */
  double delta(double band, double mean) {
    if (band <= 0) {
      return 0;
    }
    return Math.min(100 * deltaMax, delta0 * Math.pow(mean / band, kappa));
  }
}

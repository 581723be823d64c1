package org.voxproof.consent.checks;

/**
 * The bounds of the {@code quality} check. {@link #RECORDING} for the spoken consent (2–30 s),
 * {@link #SAMPLE} for reference samples (≥ 3 s). Level is the 95th percentile of 20 ms frame
 * energies in dBFS (a full-scale sine is -3 dBFS); the SNR estimate is that level minus the 10th
 * percentile (the pauses); clipping is the share of samples at full scale.
 *
 * @param minSeconds shortest accepted duration
 * @param maxSeconds longest accepted duration
 * @param minLevelDbfs quieter than this is near-silent
 * @param maxClippedRatio more clipped samples than this share fails
 * @param minSnrDb a smaller speech-to-pause spread fails (noise, or no pauses at all)
 */
public record QualityLimits(
    double minSeconds,
    double maxSeconds,
    double minLevelDbfs,
    double maxClippedRatio,
    double minSnrDb) {
  /** The spoken consent: 2–30 s, level ≥ -40 dBFS, ≤ 0.5 % clipped, SNR ≥ 15 dB. */
  public static final QualityLimits RECORDING = new QualityLimits(2, 30, -40, 0.005, 15);

  /** A reference sample: 3–60 s, otherwise as {@link #RECORDING}. */
  public static final QualityLimits SAMPLE = new QualityLimits(3, 60, -40, 0.005, 15);

  public QualityLimits {
    if (!(minSeconds >= 0 && maxSeconds > minSeconds)) {
      throw new IllegalArgumentException("need 0 <= minSeconds < maxSeconds");
    }
    if (!(maxClippedRatio >= 0 && maxClippedRatio <= 1)) {
      throw new IllegalArgumentException("maxClippedRatio must be in [0, 1]");
    }
  }

  /** True when every measurement is inside the bounds. */
  public boolean accepts(
      double durationSeconds, double levelDbfs, double clippedRatio, double snrDb) {
    return durationSeconds >= minSeconds
        && durationSeconds <= maxSeconds
        && levelDbfs >= minLevelDbfs
        && clippedRatio <= maxClippedRatio
        && snrDb >= minSnrDb;
  }
}

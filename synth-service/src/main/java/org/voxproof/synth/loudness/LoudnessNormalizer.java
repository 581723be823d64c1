package org.voxproof.synth.loudness;

/**
 * Brings speech to a target integrated loudness (BS.1770-4) under a peak ceiling: the gain is
 * {@code target - measured}, reduced when the result's true peak (or sample peak, if configured)
 * would exceed the ceiling. A pure gain: no compression, no limiting artefacts; when the ceiling
 * binds, the output is quieter than the target and says so.
 *
 * <pre>{@code
 * LoudnessNormalizer n = LoudnessNormalizer.builder().targetLufs(-16).ceilingDb(-1).build();
 * LoudnessNormalizer.Result r = n.normalize(pcm, 22050);
 * }</pre>
 */
public final class LoudnessNormalizer {
  private final double targetLufs;
  private final double ceilingDb;
  private final boolean truePeak;
  private final double maxGainDb;

  private LoudnessNormalizer(Builder b) {
    this.targetLufs = b.targetLufs;
    this.ceilingDb = b.ceilingDb;
    this.truePeak = b.truePeak;
    this.maxGainDb = b.maxGainDb;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The outcome.
   *
   * @param pcm the scaled samples
   * @param inputLufs loudness before (-∞ for silence)
   * @param outputLufs loudness after
   * @param gainDb the gain applied
   * @param peakDb the output's true peak (dBTP) or sample peak (dBFS)
   * @param peakLimited true when the ceiling (or the gain cap) reduced the gain below the target
   */
  public record Result(
      float[] pcm,
      double inputLufs,
      double outputLufs,
      double gainDb,
      double peakDb,
      boolean peakLimited) {}

  /**
   * Normalizes mono {@code pcm}. Silence is returned unchanged with gain 0 (the caller decides
   * whether silence is acceptable).
   */
  public Result normalize(float[] pcm, int rate) {
    float[][] ch = {pcm};
    Loudness.Measurement m = Loudness.measure(ch, rate);
    if (m.integratedLufs() == Loudness.SILENCE) {
      return new Result(pcm.clone(), Loudness.SILENCE, Loudness.SILENCE, 0, peak(m), false);
    }
    double gain = Math.min(targetLufs - m.integratedLufs(), maxGainDb);
    boolean limited = gain < targetLufs - m.integratedLufs();
    double headroom = ceilingDb - peak(m);
    if (gain > headroom) {
      gain = headroom;
      limited = true;
    }
    float g = (float) Math.pow(10, gain / 20);
    float[] out = new float[pcm.length];
    for (int i = 0; i < pcm.length; i++) {
      out[i] = Math.max(-1f, Math.min(1f, pcm[i] * g));
    }
    // A gain scales loudness and peaks exactly; the ceiling (<= 0 dB) keeps samples inside [-1, 1],
    // so the clamp never acts and nothing needs measuring twice.
    double realGain = 20 * Math.log10(g);
    return new Result(
        out, m.integratedLufs(), m.integratedLufs() + realGain, gain, peak(m) + realGain, limited);
  }

  private double peak(Loudness.Measurement m) {
    return truePeak ? m.truePeakDbtp() : m.samplePeakDbfs();
  }

  /** Defaults: -23 LUFS (EBU R 128), -1 dBTP true-peak ceiling, at most +30 dB of gain. */
  public static final class Builder {
    private double targetLufs = -23;
    private double ceilingDb = -1;
    private boolean truePeak = true;
    private double maxGainDb = 30;

    private Builder() {}

    /** Target integrated loudness, e.g. -23 (broadcast) or -16 (streaming, telephony). */
    public Builder targetLufs(double lufs) {
      if (!(lufs >= -70 && lufs <= 0)) {
        throw new IllegalArgumentException("target must be in [-70, 0] LUFS");
      }
      this.targetLufs = lufs;
      return this;
    }

    /** Peak ceiling in dBTP (or dBFS with {@link #samplePeak()}). */
    public Builder ceilingDb(double db) {
      if (!(db >= -20 && db <= 0)) {
        throw new IllegalArgumentException("ceiling must be in [-20, 0] dB");
      }
      this.ceilingDb = db;
      return this;
    }

    /** Judge the ceiling on sample peaks instead of true peaks (cheaper, less safe). */
    public Builder samplePeak() {
      this.truePeak = false;
      return this;
    }

    /** Cap on the gain (so noise is not pumped up to the target). */
    public Builder maxGainDb(double db) {
      if (!(db >= 0 && db <= 60)) {
        throw new IllegalArgumentException("max gain must be in [0, 60] dB");
      }
      this.maxGainDb = db;
      return this;
    }

    public LoudnessNormalizer build() {
      return new LoudnessNormalizer(this);
    }
  }
}

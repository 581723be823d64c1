package org.voxproof.consent.checks.internal;

import org.voxproof.audio.DecodedAudio;
import org.voxproof.dsp.Resampler;

/**
 * A decoded upload as the checks see it: the mono downmix at 16 kHz, plus the largest absolute
 * sample of the original channels per sample index (for clipping, which resampling would hide).
 *
 * @param mono16k mono at {@link #RATE}
 * @param durationSeconds duration of the upload
 * @param clippedRatio share of the original samples at or above the clipping level
 */
public record Pcm(float[] mono16k, double durationSeconds, double clippedRatio) {
  /** The rate every check works at. */
  public static final int RATE = 16_000;

  /** A sample this close to full scale counts as clipped. */
  static final float CLIP_LEVEL = 0.999f;

  public Pcm {
    mono16k = mono16k.clone();
  }

  @Override
  public float[] mono16k() {
    return mono16k.clone();
  }

  /** The samples without a copy, for the checks in this package. */
  float[] samples() {
    return mono16k;
  }

  /** Downmixes, resamples to 16 kHz and measures clipping on the original channels. */
  public static Pcm of(DecodedAudio a) {
    long clipped = 0;
    for (float[] ch : a.channels()) {
      for (float x : ch) {
        if (Math.abs(x) >= CLIP_LEVEL) {
          clipped++;
        }
      }
    }
    long total = (long) a.frames() * a.channels().length;
    float[] mono = a.mono();
    float[] x16 = a.sampleRate() == RATE ? mono : Resampler.resample(mono, a.sampleRate(), RATE);
    return new Pcm(
        x16, (double) a.frames() / a.sampleRate(), total == 0 ? 0 : (double) clipped / total);
  }

  /** Wraps 16 kHz mono samples (tests, benchmarks). */
  public static Pcm ofMono16k(float[] x) {
    long clipped = 0;
    for (float v : x) {
      if (Math.abs(v) >= CLIP_LEVEL) {
        clipped++;
      }
    }
    return new Pcm(x, (double) x.length / RATE, x.length == 0 ? 0 : (double) clipped / x.length);
  }
}

package org.voxproof.synth.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * Mono PCM: samples (copied in and out) and their rate. {@link #toString()} prints only the size.
 */
public record Pcm(float[] samples, int sampleRate) {
  public Pcm {
    samples = Objects.requireNonNull(samples, "samples").clone();
    if (sampleRate < 8000 || sampleRate > 192_000) {
      throw new IllegalArgumentException("sample rate " + sampleRate + " outside 8000..192000");
    }
  }

  @Override
  public float[] samples() {
    return samples.clone();
  }

  /** Number of samples. */
  public int length() {
    return samples.length;
  }

  /** Duration in seconds. */
  public double seconds() {
    return samples.length / (double) sampleRate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pcm p && p.sampleRate == sampleRate && Arrays.equals(p.samples, samples);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(samples) * 31 + sampleRate;
  }

  @Override
  public String toString() {
    return "Pcm[" + samples.length + " samples @" + sampleRate + "]";
  }
}

package org.voxproof.audio;

import java.time.Duration;

/**
 * Bounds a decode may not exceed. Every bound is checked against real bytes before memory is
 * allocated, so hostile headers cannot make the decoder allocate more than these limits allow.
 *
 * @param maxBytes largest accepted input, in bytes ({@code too_large} above it)
 * @param maxDuration longest accepted audio ({@code too_long} above it)
 * @param maxChannels most channels accepted ({@code too_large} above it)
 * @param minSampleRate lowest sample rate accepted, Hz ({@code unsupported_codec} below it)
 * @param maxSampleRate highest sample rate accepted, Hz ({@code unsupported_codec} above it)
 * @param maxSamples most decoded samples, all channels together ({@code too_large} above it)
 */
public record AudioLimits(
    long maxBytes,
    Duration maxDuration,
    int maxChannels,
    int minSampleRate,
    int maxSampleRate,
    long maxSamples) {

  /** Safe defaults: 64 MiB, 10 minutes, 8 channels, 8-192 kHz, 64 Mi samples (256 MiB). */
  public static final AudioLimits DEFAULT =
      new AudioLimits(64L << 20, Duration.ofMinutes(10), 8, 8_000, 192_000, 64L << 20);

  public AudioLimits {
    if (maxBytes <= 0 || maxChannels <= 0 || maxSamples <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (maxDuration.isNegative() || maxDuration.isZero()) {
      throw new IllegalArgumentException("maxDuration must be positive");
    }
    if (minSampleRate < 1 || maxSampleRate < minSampleRate) {
      throw new IllegalArgumentException("bad sample rate range");
    }
  }

  public AudioLimits withMaxBytes(long bytes) {
    return new AudioLimits(
        bytes, maxDuration, maxChannels, minSampleRate, maxSampleRate, maxSamples);
  }

  public AudioLimits withMaxDuration(Duration duration) {
    return new AudioLimits(
        maxBytes, duration, maxChannels, minSampleRate, maxSampleRate, maxSamples);
  }

  public AudioLimits withMaxChannels(int channels) {
    return new AudioLimits(
        maxBytes, maxDuration, channels, minSampleRate, maxSampleRate, maxSamples);
  }

  public AudioLimits withSampleRateRange(int min, int max) {
    return new AudioLimits(maxBytes, maxDuration, maxChannels, min, max, maxSamples);
  }

  public AudioLimits withMaxSamples(long samples) {
    return new AudioLimits(
        maxBytes, maxDuration, maxChannels, minSampleRate, maxSampleRate, samples);
  }

  /** Most frames of one channel accepted at {@code sampleRate} Hz (duration and sample bounds). */
  public long maxFrames(int sampleRate, int channels) {
    long byDuration = maxDuration.toMillis() * sampleRate / 1000;
    return Math.min(byDuration, maxSamples / Math.max(1, channels));
  }
}

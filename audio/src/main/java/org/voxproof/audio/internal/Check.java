package org.voxproof.audio.internal;

import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioFormatException.Reason;
import org.voxproof.audio.AudioLimits;

/** Limit checks shared by all format decoders. */
public final class Check {
  private Check() {}

  /** Validates the stream parameters a header declares, before anything is allocated. */
  public static void params(AudioLimits limits, int sampleRate, int channels)
      throws AudioFormatException {
    if (channels <= 0) {
      throw Fail.lies("channel count " + channels);
    }
    if (channels > limits.maxChannels()) {
      throw new AudioFormatException(
          Reason.TOO_LARGE, channels + " channels exceeds the limit of " + limits.maxChannels());
    }
    if (sampleRate <= 0) {
      throw Fail.lies("sample rate " + sampleRate);
    }
    if (sampleRate < limits.minSampleRate() || sampleRate > limits.maxSampleRate()) {
      throw Fail.unsupported(
          "sample rate "
              + sampleRate
              + " Hz outside "
              + limits.minSampleRate()
              + "-"
              + limits.maxSampleRate());
    }
  }

  /** Fails when {@code frames} at this rate exceed the duration or sample limits. */
  public static void frames(AudioLimits limits, long frames, int sampleRate, int channels)
      throws AudioFormatException {
    if (frames * 1000 > limits.maxDuration().toMillis() * sampleRate) {
      throw new AudioFormatException(
          Reason.TOO_LONG,
          String.format("longer than %d s (limit)", limits.maxDuration().toMillis() / 1000));
    }
    if (frames * channels > limits.maxSamples()) {
      throw new AudioFormatException(Reason.TOO_LARGE, "more decoded samples than the limit");
    }
  }
}

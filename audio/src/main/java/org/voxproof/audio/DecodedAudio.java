package org.voxproof.audio;

/**
 * Decoded PCM: one float array per channel, samples in [-1, 1].
 *
 * @param info format facts of the source file
 * @param channels de-interleaved samples, {@code channels[c][i]}; all of equal length
 */
public record DecodedAudio(AudioInfo info, float[][] channels) {
  public DecodedAudio {
    if (channels.length == 0) {
      throw new IllegalArgumentException("no channels");
    }
  }

  public int sampleRate() {
    return info.sampleRate();
  }

  public int frames() {
    return channels[0].length;
  }

  /** Mono downmix (mean of the channels); the channel itself when there is only one. */
  public float[] mono() {
    if (channels.length == 1) {
      return channels[0];
    }
    float[] out = new float[frames()];
    for (float[] ch : channels) {
      for (int i = 0; i < out.length; i++) {
        out[i] += ch[i];
      }
    }
    float scale = 1f / channels.length;
    for (int i = 0; i < out.length; i++) {
      out[i] *= scale;
    }
    return out;
  }
}

package org.voxproof.audio.internal;

import java.util.Arrays;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioLimits;

/**
 * Growable per-channel float buffer for codecs that produce audio block by block. Grows
 * geometrically but never past the limits; exceeding them aborts with {@link Fail.Abort}.
 */
public final class PcmBuffer {
  private final AudioLimits limits;
  private final int sampleRate;
  private float[][] data;
  private int frames;

  public PcmBuffer(AudioLimits limits, int sampleRate, int channels) {
    this.limits = limits;
    this.sampleRate = sampleRate;
    this.data = new float[channels][4096];
  }

  public int channels() {
    return data.length;
  }

  public int frames() {
    return frames;
  }

  private void reserve(int n) {
    long need = (long) frames + n;
    try {
      Check.frames(limits, need, sampleRate, data.length);
    } catch (AudioFormatException e) {
      throw new Fail.Abort(e);
    }
    if (need > data[0].length) {
      long grown = Math.max(need, (long) data[0].length * 2);
      int cap = (int) Math.min(grown, limits.maxFrames(sampleRate, data.length) + 1);
      for (int c = 0; c < data.length; c++) {
        data[c] = Arrays.copyOf(data[c], Math.max(cap, (int) need));
      }
    }
  }

  /** Appends {@code n} frames from per-channel arrays starting at {@code offsets[c]}. */
  public void append(float[][] src, int[] offsets, int n, float scale) {
    reserve(n);
    for (int c = 0; c < data.length; c++) {
      float[] in = src[Math.min(c, src.length - 1)];
      int off = offsets == null ? 0 : offsets[Math.min(c, offsets.length - 1)];
      float[] out = data[c];
      for (int i = 0; i < n; i++) {
        out[frames + i] = in[off + i] * scale;
      }
    }
    frames += n;
  }

  /** Appends {@code n} interleaved 16-bit frames with {@code srcChannels} channels. */
  public void appendInterleaved(short[] src, int n, int srcChannels) {
    reserve(n);
    for (int c = 0; c < data.length; c++) {
      float[] out = data[c];
      int ch = Math.min(c, srcChannels - 1);
      for (int i = 0; i < n; i++) {
        out[frames + i] = src[i * srcChannels + ch] * (1f / 32768f);
      }
    }
    frames += n;
  }

  /** Appends {@code n} frames of integer samples with {@code bits} bits per sample. */
  public void appendInts(int[][] src, int n, int bits) {
    reserve(n);
    float scale = (float) (1.0 / (1L << (bits - 1)));
    for (int c = 0; c < data.length; c++) {
      int[] in = src[Math.min(c, src.length - 1)];
      float[] out = data[c];
      for (int i = 0; i < n; i++) {
        out[frames + i] = Math.max(-1f, Math.min(1f, in[i] * scale));
      }
    }
    frames += n;
  }

  /** The frames {@code [skip, skip + keep)}, clipped to what was decoded. */
  public float[][] slice(long skip, long keep) {
    int from = (int) Math.max(0, Math.min(skip, frames));
    int to = (int) Math.max(from, Math.min((long) from + Math.max(0, keep), frames));
    float[][] out = new float[data.length][];
    for (int c = 0; c < data.length; c++) {
      out[c] = Arrays.copyOfRange(data[c], from, to);
    }
    return out;
  }

  public float[][] all() {
    return slice(0, frames);
  }
}

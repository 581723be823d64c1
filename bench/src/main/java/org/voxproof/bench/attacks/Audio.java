package org.voxproof.bench.attacks;

/**
 * Mono PCM at a sample rate.
 *
 * @param pcm samples in [-1, 1]
 * @param rate sample rate in Hz
 */
@SuppressWarnings("ArrayRecordComponent") // a bench value; arrays are not shared
public record Audio(float[] pcm, int rate) {
  public double seconds() {
    return (double) pcm.length / rate;
  }
}

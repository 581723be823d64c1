package org.voxproof.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.voxproof.audio.internal.KaiserSinc;

/**
 * Band-limited sample-rate conversion: a polyphase Kaiser-windowed sinc filter. Passband up to 0.9
 * × the lower Nyquist frequency (ripple &lt; 0.01 dB), stopband from the lower Nyquist frequency
 * (&ge; 80 dB by design, &ge; 70 dB tested). Output sample {@code n} is at input time {@code n ·
 * from / to}, so the signal is not delayed. Instances are immutable and thread-safe; {@link #of}
 * caches them.
 */
public final class Resampler {
  private static final Map<Long, Resampler> CACHE = new ConcurrentHashMap<>();

  private final int fromHz;
  private final int toHz;
  private final KaiserSinc filter;

  private Resampler(int fromHz, int toHz) {
    if (fromHz <= 0 || toHz <= 0) {
      throw new IllegalArgumentException("sample rates must be positive");
    }
    this.fromHz = fromHz;
    this.toHz = toHz;
    this.filter = fromHz == toHz ? null : new KaiserSinc(fromHz, toHz);
  }

  /** A (cached) resampler from {@code fromHz} to {@code toHz}. */
  public static Resampler of(int fromHz, int toHz) {
    long key = ((long) fromHz << 32) | (toHz & 0xffffffffL);
    return CACHE.computeIfAbsent(key, k -> new Resampler(fromHz, toHz));
  }

  /** Resamples one channel; returns a copy when the rates are equal. */
  public static float[] resample(float[] x, int fromHz, int toHz) {
    return of(fromHz, toHz).process(x);
  }

  /** Resamples every channel of decoded audio; the info reports the new rate. */
  public static DecodedAudio resample(DecodedAudio audio, int toHz) {
    Resampler r = of(audio.sampleRate(), toHz);
    float[][] out = new float[audio.channels().length][];
    for (int c = 0; c < out.length; c++) {
      out[c] = r.process(audio.channels()[c]);
    }
    AudioInfo i = audio.info();
    AudioInfo info =
        new AudioInfo(i.format(), i.codec(), toHz, i.channels(), out[0].length / (double) toHz);
    return new DecodedAudio(info, out);
  }

  public int fromHz() {
    return fromHz;
  }

  public int toHz() {
    return toHz;
  }

  /** Number of output samples for {@code inputLength} input samples. */
  public int outputLength(int inputLength) {
    return (int) (((long) inputLength * toHz + fromHz - 1) / fromHz);
  }

  public float[] process(float[] x) {
    if (filter == null) {
      return x.clone();
    }
    float[] y = new float[outputLength(x.length)];
    filter.apply(x, y);
    return y;
  }
}

package org.voxproof.watermark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.voxproof.dsp.Resampler;
import org.voxproof.watermark.internal.ConvCode;
import org.voxproof.watermark.internal.Detector;
import org.voxproof.watermark.internal.Embedder;
import org.voxproof.watermark.internal.Grid;
import org.voxproof.watermark.internal.Layout;
import org.voxproof.watermark.internal.Limiter;
import org.voxproof.watermark.internal.PayloadCodec;

/**
 * Embeds and detects the VoxProof watermark in PCM (8–48 kHz, mono or multi-channel, samples in
 * [-1, 1]). Thread-safe. Build with {@link #builder()}; the defaults are the calibrated ones.
 */
public final class Watermarker {
  /** Lowest supported sample rate. */
  public static final int MIN_RATE = 8000;

  /** Highest supported sample rate. */
  public static final int MAX_RATE = 48000;

  /** The embedder plans 1.5 dB above the floor; the limiter enforces the floor exactly. */
  private static final double PLAN_DB = -1.5;

  private final double minSnrDb;
  private final boolean speedSearch;
  private final Map<WatermarkKey, Layout> layouts = new ConcurrentHashMap<>();

  private Watermarker(Builder b) {
    this.minSnrDb = b.minSnrDb;
    this.speedSearch = b.speedSearch;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Returns a marked copy of mono {@code pcm}. */
  public float[] embed(float[] pcm, int sampleRate, Payload payload, WatermarkKey key)
      throws WatermarkException {
    return embed(new float[][] {pcm}, sampleRate, payload, key)[0];
  }

  /** Returns a marked copy of {@code channels} (the same mark in every channel). */
  public float[][] embed(float[][] channels, int sampleRate, Payload payload, WatermarkKey key)
      throws WatermarkException {
    checkRate(sampleRate);
    float[] mono = Mix.mono(channels);
    float[] x16 = Resampler.resample(mono, sampleRate, Grid.RATE);
    byte[] coded = ConvCode.encode(PayloadCodec.encode(key.secret(), payload.value()));
    float[] w16 = new Embedder(layout(key), coded, minSnrDb + PLAN_DB).watermark(x16);
    float[] w = Mix.fit(Resampler.resample(w16, Grid.RATE, sampleRate), mono.length);
    return Limiter.apply(channels, w, sampleRate, minSnrDb);
  }

  /** Detects a watermark of {@code key} in mono {@code pcm}. */
  public Detection detect(float[] pcm, int sampleRate, WatermarkKey key) throws WatermarkException {
    return detect(new float[][] {pcm}, sampleRate, List.of(key));
  }

  /** Detects a watermark of any of {@code keys} (e.g. current and retired) in mono {@code pcm}. */
  public Detection detect(float[] pcm, int sampleRate, List<WatermarkKey> keys)
      throws WatermarkException {
    return detect(new float[][] {pcm}, sampleRate, keys);
  }

  /** Detects a watermark of any of {@code keys} in the downmix of {@code channels}. */
  public Detection detect(float[][] channels, int sampleRate, List<WatermarkKey> keys)
      throws WatermarkException {
    checkRate(sampleRate);
    if (keys.isEmpty()) {
      throw new WatermarkException("no watermark key given");
    }
    float[] mono = Mix.mono(channels);
    float[] x16 = Resampler.resample(mono, sampleRate, Grid.RATE);
    List<Layout> ls = keys.stream().map(this::layout).toList();
    long inputMs = Math.round(mono.length * 1000.0 / sampleRate);
    return new Detector(keys, ls, speedSearch).detect(x16, inputMs);
  }

  private Layout layout(WatermarkKey key) {
    if (layouts.size() > 64) {
      layouts.clear();
    }
    return layouts.computeIfAbsent(key, k -> new Layout(k.secret()));
  }

  private static void checkRate(int rate) throws WatermarkException {
    if (rate < MIN_RATE || rate > MAX_RATE) {
      throw new WatermarkException("sample rate " + rate + " outside 8000..48000 Hz");
    }
  }

  /** Builder with safe defaults. */
  public static final class Builder {
    private double minSnrDb = 30.5;
    private boolean speedSearch = true;

    private Builder() {}

    /** Minimum SNR of every 1 s block of marked audio (default 30.5 dB). */
    public Builder minSnrDb(double db) {
      this.minSnrDb = db;
      return this;
    }

    /** Turns the speed search off (it runs only after a partial sync match anyway). */
    public Builder withoutSpeedSearch() {
      this.speedSearch = false;
      return this;
    }

    public Watermarker build() {
      return new Watermarker(this);
    }
  }
}

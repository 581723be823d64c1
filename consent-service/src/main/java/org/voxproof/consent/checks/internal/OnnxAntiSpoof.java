package org.voxproof.consent.checks.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A raw-waveform anti-spoofing model as AASIST exports are used: input {@code [1, N]} 16 kHz
 * samples in [-1, 1] (N = 64,600, about 4 s, by default; shorter audio is repeated to fill it, as
 * AASIST's evaluation pads), output either two logits (one of them the spoof class) or one spoof
 * probability. The recording is scored in consecutive windows of N samples (at most {@value
 * #MAX_WINDOWS}) and the highest spoof probability counts.
 */
public final class OnnxAntiSpoof implements AutoCloseable {
  static final int MAX_WINDOWS = 8;

  private final OnnxModel model;
  private final int samples;
  private final int spoofIndex;

  private OnnxAntiSpoof(OnnxModel model, int samples, int spoofIndex) {
    this.model = model;
    this.samples = samples;
    this.spoofIndex = spoofIndex;
  }

  /**
   * @param samples the model's input length
   * @param spoofIndex which of two logits is the spoof class (AASIST: 0; its 1 is bona fide)
   */
  public static OnnxAntiSpoof load(Path path, int samples, int spoofIndex) throws IOException {
    if (samples < 1600 || spoofIndex < 0 || spoofIndex > 1) {
      throw new IllegalArgumentException("input length or spoof index out of range");
    }
    return new OnnxAntiSpoof(OnnxModel.load(path, 2), samples, spoofIndex);
  }

  public String id() {
    return model.id();
  }

  /** Probability that {@code x16k} is spoofed: the highest over its windows. */
  public double spoofProbability(float[] x16k) throws IOException {
    if (x16k.length == 0) {
      throw new IOException("no audio for the anti-spoofing model");
    }
    int windows = Math.min(MAX_WINDOWS, Math.max(1, x16k.length / samples));
    double worst = 0;
    for (int w = 0; w < windows; w++) {
      float[] in = new float[samples];
      for (int i = 0; i < samples; i++) {
        in[i] = x16k[(w * samples + i) % x16k.length];
      }
      worst = Math.max(worst, probability(model.run(in, new long[] {1, samples})));
    }
    return worst;
  }

  private double probability(float[] out) throws IOException {
    if (out.length == 2) {
      double a = out[spoofIndex];
      double b = out[1 - spoofIndex];
      return 1.0 / (1.0 + Math.exp(b - a));
    }
    if (out.length == 1) {
      double p = out[0];
      return p >= 0 && p <= 1 ? p : 1.0 / (1.0 + Math.exp(-p));
    }
    throw new IOException("anti-spoofing output has " + out.length + " values, not 1 or 2");
  }

  @Override
  public void close() {
    model.close();
  }
}

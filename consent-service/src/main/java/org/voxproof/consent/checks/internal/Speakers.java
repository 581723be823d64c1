package org.voxproof.consent.checks.internal;

import java.io.IOException;
import java.util.List;
import org.voxproof.consent.checks.VoicePrint;

/**
 * Speaker prints and the same-speaker decision: the configured ONNX encoder when there is one
 * (cosine to the mean of the length-normalised reference embeddings), else — or for references made
 * before the model was configured — the built-in baseline ({@link BaselineSpeaker}).
 */
public final class Speakers {
  private final OnnxSpeakerEncoder encoder;
  private final double modelThreshold;
  private final double baselineThreshold;
  private final BaselineSpeaker baseline = new BaselineSpeaker();

  /** {@code encoder} may be null (baseline only). */
  public Speakers(OnnxSpeakerEncoder encoder, double modelThreshold, double baselineThreshold) {
    this.encoder = encoder;
    this.modelThreshold = modelThreshold;
    this.baselineThreshold = baselineThreshold;
  }

  /** The print of {@code x16k} by the configured model (the baseline without one). */
  public VoicePrint print(float[] x16k) throws IOException {
    if (encoder != null) {
      return new VoicePrint(encoder.id(), encoder.embed(x16k));
    }
    return new VoicePrint(BaselineSpeaker.MODEL, baseline.embed(x16k));
  }

  /**
   * The decision for a recording whose print is {@code own}.
   *
   * @param same true when the speaker matches
   * @param similarity the cosine similarity (NaN when there was nothing to compare with)
   * @param threshold the threshold applied
   * @param onModel true when the configured ONNX encoder made the decision
   */
  public record Decision(boolean same, double similarity, double threshold, boolean onModel) {}

  public Decision compare(float[] x16k, VoicePrint own, List<VoicePrint> refs) {
    List<float[]> byModel =
        refs.stream().filter(r -> r.model().equals(own.model())).map(VoicePrint::vector).toList();
    if (!byModel.isEmpty()) {
      boolean onModel = encoder != null && own.model().equals(encoder.id());
      double t = onModel ? modelThreshold : baselineThreshold;
      double s =
          onModel
              ? cosine(own.vector(), meanUnit(byModel))
              : BaselineSpeaker.similarity(own.vector(), mean(byModel));
      return new Decision(s >= t, s, t, onModel);
    }
    List<float[]> base =
        refs.stream()
            .filter(r -> r.model().equals(BaselineSpeaker.MODEL))
            .map(VoicePrint::vector)
            .toList();
    if (base.isEmpty()) {
      return new Decision(false, Double.NaN, baselineThreshold, false);
    }
    double s = BaselineSpeaker.similarity(baseline.embed(x16k), mean(base));
    return new Decision(s >= baselineThreshold, s, baselineThreshold, false);
  }

  static float[] mean(List<float[]> vs) {
    float[] m = new float[vs.get(0).length];
    for (float[] v : vs) {
      for (int i = 0; i < Math.min(m.length, v.length); i++) {
        m[i] += v[i] / vs.size();
      }
    }
    return m;
  }

  static float[] meanUnit(List<float[]> vs) {
    return mean(vs.stream().map(Speakers::unit).toList());
  }

  private static float[] unit(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    float[] out = v.clone();
    if (n > 0) {
      for (int i = 0; i < out.length; i++) {
        out[i] /= (float) Math.sqrt(n);
      }
    }
    return out;
  }

  /** Cosine similarity; 0 when either vector is zero or the lengths differ. */
  public static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      return 0;
    }
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += a[i] * (double) b[i];
      aa += a[i] * (double) a[i];
      bb += b[i] * (double) b[i];
    }
    return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
  }
}

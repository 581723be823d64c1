package org.voxproof.consent.checks.internal;

/**
 * The built-in speaker embedding that needs no model: statistics of MFCCs (from 40-bin Kaldi log
 * mel, c1–c19) over the loud frames — their means and standard deviations — and of log F0 (mean and
 * spread), each group scaled to comparable weight. Comparison is the cosine of the embeddings after
 * standardising each dimension by a fixed population mean and spread ({@link #CENTER}, {@link
 * #SCALE}).
 */
public final class BaselineSpeaker {
  /** The model name in voice prints this class makes. */
  public static final String MODEL = "baseline-mfcc-f0-v1";

  static final int CEPS = 19;
  static final int DIM = 2 * CEPS + 2;
  private static final int MEL = 40;
  private static final double RANGE_NAT = Math.log(1e3);

  /**
   * Mean and standard deviation of each embedding dimension over 100 utterances of 20 synthetic
   * voices (the 16 espeak-ng voices and 4 flite voices of the consent bench, 5 sentences each); the
   * human recordings were not used, so the bench's human-only EER is out of sample.
   */
  static final float[] CENTER = {
    -0.3676f, -3.7806f, 6.6564f, -6.7670f, -9.1504f, 2.1210f, -10.6575f, -0.5159f, -0.9041f,
    -0.0939f, 0.1846f, -4.4468f, 0.0227f, -1.0062f, -3.0544f, -2.1973f, 0.3312f, -3.6569f, 0.4092f,
    10.0607f, 7.3044f, 10.9797f, 8.7189f, 9.7925f, 11.1944f, 9.3320f, 8.7180f, 7.4794f, 6.2904f,
    7.0194f, 7.1391f, 5.9256f, 6.6159f, 5.5933f, 5.5464f, 5.2471f, 4.9326f, 4.5867f, -4.6399f,
    3.3437f
  };

  static final float[] SCALE = {
    8.4029f, 8.2177f, 4.2203f, 4.4160f, 4.3064f, 5.6950f, 4.8012f, 4.4955f, 3.1100f, 2.7388f,
    3.8402f, 1.6634f, 2.7521f, 4.8333f, 3.0569f, 2.9625f, 3.9206f, 1.3973f, 2.4840f, 2.0875f,
    1.1481f, 1.7202f, 1.3550f, 2.5198f, 3.6610f, 2.8119f, 2.5329f, 2.0893f, 1.5811f, 1.9331f,
    2.0454f, 1.5655f, 1.8374f, 1.4345f, 1.5862f, 1.2635f, 1.3212f, 1.1231f, 4.2461f, 0.8798f
  };

  private final KaldiFbank fbank = new KaldiFbank(Pcm.RATE, MEL);

  /** The embedding of 16 kHz mono speech. */
  public float[] embed(float[] x16k) {
    float[][] mel = fbank.compute(x16k, 32768f);
    boolean[] loud = loudFrames(mel);
    double[] sum = new double[CEPS];
    double[] sq = new double[CEPS];
    int n = 0;
    double[] c = new double[CEPS];
    for (int t = 0; t < mel.length; t++) {
      if (!loud[t]) {
        continue;
      }
      mfcc(mel[t], c);
      for (int k = 0; k < CEPS; k++) {
        sum[k] += c[k];
        sq[k] += c[k] * c[k];
      }
      n++;
    }
    float[] v = new float[DIM];
    for (int k = 0; k < CEPS && n > 0; k++) {
      double mean = sum[k] / n;
      double std = Math.sqrt(Math.max(0, sq[k] / n - mean * mean));
      double lifter = Math.pow(k + 1, 0.5);
      v[k] = (float) (mean * lifter);
      v[CEPS + k] = (float) (std * lifter);
    }
    double[] f0 = Pitch.logF0(x16k);
    if (f0.length > 0) {
      double m = 0;
      for (double f : f0) {
        m += f;
      }
      m /= f0.length;
      double s = 0;
      for (double f : f0) {
        s += (f - m) * (f - m);
      }
      v[2 * CEPS] = (float) ((m - 7.3) * 12);
      v[2 * CEPS + 1] = (float) (Math.sqrt(s / f0.length) * 12);
    }
    return v;
  }

  /** Cosine similarity of two embeddings standardised by {@link #CENTER} and {@link #SCALE}. */
  public static double similarity(float[] a, float[] b) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      double x = (a[i] - CENTER[i]) / SCALE[i];
      double y = (b[i] - CENTER[i]) / SCALE[i];
      ab += x * y;
      aa += x * x;
      bb += y * y;
    }
    return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
  }

  private static boolean[] loudFrames(float[][] mel) {
    double[] e = new double[mel.length];
    double top = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < mel.length; t++) {
      double s = 0;
      for (float v : mel[t]) {
        s += Math.exp(v);
      }
      e[t] = Math.log(s + 1e-10);
      top = Math.max(top, e[t]);
    }
    boolean[] loud = new boolean[mel.length];
    for (int t = 0; t < mel.length; t++) {
      loud[t] = e[t] > top - RANGE_NAT;
    }
    return loud;
  }

  private static void mfcc(float[] logMel, double[] out) {
    int m = logMel.length;
    double norm = Math.sqrt(2.0 / m);
    for (int k = 1; k <= CEPS; k++) {
      double s = 0;
      for (int j = 0; j < m; j++) {
        s += logMel[j] * Math.cos(Math.PI * k * (j + 0.5) / m);
      }
      out[k - 1] = s * norm;
    }
  }
}

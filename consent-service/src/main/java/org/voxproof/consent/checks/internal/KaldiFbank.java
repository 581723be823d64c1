package org.voxproof.consent.checks.internal;

/**
 * Log mel filter-bank features as Kaldi's {@code compute-fbank-feats} makes them with its defaults
 * (and torchaudio's {@code compliance.kaldi.fbank}, which WeSpeaker and 3D-Speaker use for their
 * ONNX exports). // SPEC: Kaldi feat/feature-fbank.cc, feature-window.cc, mel-computations.cc: 25
 * ms frames every 10 ms (snip edges), DC removed, pre-emphasis 0.97, Povey window, FFT rounded up
 * to a power of two, power spectrum, triangular filters on the mel scale 1127·ln(1 + f/700) between
 * 20 Hz and Nyquist, natural log floored at FLT_EPSILON. No dither.
 */
public final class KaldiFbank {
  private static final float EPS = 1.1920929e-7f;

  private final int rate;
  private final int frameLength;
  private final int frameShift;
  private final int bins;
  private final float[] window;
  private final int fftSize;
  private final double[][] filters;
  private final int[] firstBin;

  /** Kaldi defaults at {@code rate} Hz with {@code bins} mel bins (80 for the speaker encoders). */
  public KaldiFbank(int rate, int bins) {
    this.rate = rate;
    this.bins = bins;
    this.frameLength = Math.round(rate * 0.025f);
    this.frameShift = Math.round(rate * 0.010f);
    this.fftSize = Integer.highestOneBit(frameLength - 1) << 1;
    this.window = povey(frameLength);
    this.filters = new double[bins][];
    this.firstBin = new int[bins];
    buildFilters(20.0, rate / 2.0);
  }

  public int bins() {
    return bins;
  }

  public int frameShift() {
    return frameShift;
  }

  /** Number of frames Kaldi makes from {@code samples} samples (snip edges). */
  public int frames(int samples) {
    return samples < frameLength ? 0 : 1 + (samples - frameLength) / frameShift;
  }

  /**
   * Features of {@code pcm} (samples as given: WeSpeaker scales [-1, 1] by 32768 first, see {@link
   * #compute(float[], float)}).
   */
  public float[][] compute(float[] pcm, float scale) {
    int n = frames(pcm.length);
    float[][] out = new float[n][bins];
    PowerSpectrum ps = new PowerSpectrum(fftSize);
    float[] frame = new float[frameLength];
    double[] power = new double[fftSize / 2 + 1];
    for (int t = 0; t < n; t++) {
      int start = t * frameShift;
      double mean = 0;
      for (int i = 0; i < frameLength; i++) {
        frame[i] = pcm[start + i] * scale;
        mean += frame[i];
      }
      mean /= frameLength;
      for (int i = 0; i < frameLength; i++) {
        frame[i] -= (float) mean;
      }
      for (int i = frameLength - 1; i > 0; i--) {
        frame[i] -= 0.97f * frame[i - 1];
      }
      frame[0] -= 0.97f * frame[0];
      for (int i = 0; i < frameLength; i++) {
        frame[i] *= window[i];
      }
      ps.compute(frame, frameLength, power);
      for (int m = 0; m < bins; m++) {
        double e = 0;
        double[] f = filters[m];
        for (int k = 0; k < f.length; k++) {
          e += f[k] * power[firstBin[m] + k];
        }
        out[t][m] = (float) Math.log(Math.max(e, EPS));
      }
    }
    return out;
  }

  /** Subtracts each bin's mean over the utterance (cepstral mean normalisation), in place. */
  public static void subtractMean(float[][] feats) {
    if (feats.length == 0) {
      return;
    }
    int d = feats[0].length;
    double[] mean = new double[d];
    for (float[] f : feats) {
      for (int j = 0; j < d; j++) {
        mean[j] += f[j];
      }
    }
    for (float[] f : feats) {
      for (int j = 0; j < d; j++) {
        f[j] -= (float) (mean[j] / feats.length);
      }
    }
  }

  static double mel(double hz) {
    return 1127.0 * Math.log(1.0 + hz / 700.0);
  }

  private void buildFilters(double low, double high) {
    int fftBins = fftSize / 2;
    double fftBinWidth = (double) rate / fftSize;
    double melLow = mel(low);
    double melHigh = mel(high);
    double delta = (melHigh - melLow) / (bins + 1);
    for (int m = 0; m < bins; m++) {
      double left = melLow + m * delta;
      double center = left + delta;
      double right = center + delta;
      int first = -1;
      int last = -1;
      double[] w = new double[fftBins];
      for (int k = 0; k < fftBins; k++) {
        double mk = mel(fftBinWidth * k);
        if (mk > left && mk < right) {
          w[k] = mk <= center ? (mk - left) / (center - left) : (right - mk) / (right - center);
          if (first < 0) {
            first = k;
          }
          last = k;
        }
      }
      if (first < 0) {
        first = 0;
        last = -1;
      }
      firstBin[m] = first;
      filters[m] = java.util.Arrays.copyOfRange(w, first, last + 1);
    }
  }

  private static float[] povey(int n) {
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (float) Math.pow(0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1)), 0.85);
    }
    return w;
  }
}

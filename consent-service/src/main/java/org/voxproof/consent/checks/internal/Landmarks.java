package org.voxproof.consent.checks.internal;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.voxproof.dsp.Resampler;

/**
 * Spectral-peak landmark fingerprint (after Wang, "An Industrial-Strength Audio Search Algorithm",
 * ISMIR 2003): peaks of the 8 kHz log spectrogram that are the maximum of their time-frequency
 * neighbourhood, the strongest few per second, paired with the next peaks in a target zone; each
 * pair (f1, f2, Δt) is hashed with HMAC-SHA256 under the operator's key, so a stored hash reveals
 * nothing of the audio without the key. A packed landmark is {@code hash (40 bits) << 24 | anchor
 * frame (24 bits)}: the anchor time lets a match demand one consistent offset.
 */
public final class Landmarks {
  /** Frames are {@value #HOP} samples at 8 kHz: 16 ms. */
  public static final int HOP = 128;

  private static final int RATE = 8000;
  private static final int FFT = 512;
  private static final int F_LO = 6;
  private static final int F_HI = 230;
  private static final int NEIGH_T = 5;
  private static final int NEIGH_F = 10;
  private static final double PEAKS_PER_SECOND = 24;
  private static final int FAN_OUT = 6;
  private static final int DT_MAX = 40;
  private static final int DF_MAX = 60;
  private static final double RANGE_DB = 50;

  private final SecretKeySpec key;

  /** {@code key}: at least 32 bytes of secret. */
  public Landmarks(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("fingerprint key must have at least 32 bytes");
    }
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  /** Packed landmarks of 16 kHz mono {@code x}, sorted. */
  public long[] fingerprint(float[] x16k) {
    float[] x = Resampler.resample(x16k, Pcm.RATE, RATE);
    float[][] s = logSpectrogram(x);
    List<int[]> peaks = peaks(s);
    return hashes(peaks);
  }

  static float[][] logSpectrogram(float[] x) {
    int n = x.length < FFT ? 0 : 1 + (x.length - FFT) / HOP;
    float[][] s = new float[n][F_HI - F_LO];
    PowerSpectrum ps = new PowerSpectrum(FFT);
    float[] frame = new float[FFT];
    double[] power = new double[FFT / 2 + 1];
    float[] win = new float[FFT];
    for (int i = 0; i < FFT; i++) {
      win[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / FFT));
    }
    for (int t = 0; t < n; t++) {
      for (int i = 0; i < FFT; i++) {
        frame[i] = x[t * HOP + i] * win[i];
      }
      ps.compute(frame, FFT, power);
      for (int f = F_LO; f < F_HI; f++) {
        s[t][f - F_LO] = (float) (10 * Math.log10(power[f] + 1e-10));
      }
    }
    return s;
  }

  /** {t, f, magnitude×100} of local maxima, the strongest per second kept. */
  static List<int[]> peaks(float[][] s) {
    int n = s.length;
    if (n == 0) {
      return List.of();
    }
    int nf = s[0].length;
    float top = Float.NEGATIVE_INFINITY;
    for (float[] row : s) {
      for (float v : row) {
        top = Math.max(top, v);
      }
    }
    float floor = (float) (top - RANGE_DB);
    float[][] fmax = new float[n][nf];
    for (int t = 0; t < n; t++) {
      slidingMax(s[t], fmax[t], NEIGH_F);
    }
    List<int[]> cand = new ArrayList<>();
    float[] col = new float[n];
    float[] colMax = new float[n];
    for (int f = 0; f < nf; f++) {
      for (int t = 0; t < n; t++) {
        col[t] = fmax[t][f];
      }
      slidingMax(col, colMax, NEIGH_T);
      for (int t = 0; t < n; t++) {
        float v = s[t][f];
        if (v == colMax[t] && v > floor) {
          cand.add(new int[] {t, f, Math.round(v * 100)});
        }
      }
    }
    return strongestPerWindow(cand, n);
  }

  private static List<int[]> strongestPerWindow(List<int[]> cand, int frames) {
    int window = (int) Math.round((double) RATE / HOP);
    int keep = (int) Math.round(PEAKS_PER_SECOND);
    List<List<int[]>> byWindow = new ArrayList<>();
    for (int w = 0; w <= frames / window; w++) {
      byWindow.add(new ArrayList<>());
    }
    for (int[] p : cand) {
      byWindow.get(p[0] / window).add(p);
    }
    List<int[]> out = new ArrayList<>();
    for (List<int[]> w : byWindow) {
      w.sort(Comparator.comparingInt((int[] p) -> -p[2]));
      out.addAll(w.subList(0, Math.min(keep, w.size())));
    }
    out.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
    return out;
  }

  private static void slidingMax(float[] in, float[] out, int radius) {
    int n = in.length;
    for (int i = 0; i < n; i++) {
      float m = Float.NEGATIVE_INFINITY;
      for (int j = Math.max(0, i - radius); j <= Math.min(n - 1, i + radius); j++) {
        m = Math.max(m, in[j]);
      }
      out[i] = m;
    }
  }

  private long[] hashes(List<int[]> peaks) {
    Mac mac = mac();
    List<Long> out = new ArrayList<>();
    ByteBuffer msg = ByteBuffer.allocate(6);
    for (int i = 0; i < peaks.size(); i++) {
      int[] a = peaks.get(i);
      int paired = 0;
      for (int j = i + 1; j < peaks.size() && paired < FAN_OUT; j++) {
        int[] b = peaks.get(j);
        int dt = b[0] - a[0];
        if (dt > DT_MAX) {
          break;
        }
        if (dt < 1 || Math.abs(b[1] - a[1]) > DF_MAX) {
          continue;
        }
        msg.clear();
        msg.putShort((short) a[1]).putShort((short) b[1]).putShort((short) dt);
        byte[] h = mac.doFinal(msg.array());
        long hash = ByteBuffer.wrap(h).getLong() >>> 24;
        out.add(hash << 24 | (a[0] & 0xFFFFFFL));
        paired++;
      }
    }
    long[] arr = out.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(arr);
    return arr;
  }

  private Mac mac() {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      return m;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The keyed hash part of a packed landmark. */
  public static long hash(long packed) {
    return packed >>> 24;
  }

  /** The anchor frame of a packed landmark. */
  public static int time(long packed) {
    return (int) (packed & 0xFFFFFF);
  }
}

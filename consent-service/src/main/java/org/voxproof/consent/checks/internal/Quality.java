package org.voxproof.consent.checks.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Level, clipping and a signal-to-noise estimate of a recording. The SNR is the spread of 20 ms
 * frame energies: the loud frames (95th percentile, speech) against the quiet ones (10th
 * percentile, the pauses between words), in dB; frames are floored at -100 dBFS so digital silence
 * does not make it infinite.
 */
public final class Quality {
  private static final int FRAME = Pcm.RATE / 50;
  private static final double FLOOR_DB = -100;

  private Quality() {}

  /** The measurements, named as they appear in the check's scores. */
  public record Measures(
      double durationSeconds, double levelDbfs, double clippedRatio, double snrDb) {
    public Map<String, Double> asScores() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("duration_s", durationSeconds);
      m.put("level_dbfs", levelDbfs);
      m.put("clipped_ratio", clippedRatio);
      m.put("snr_db", snrDb);
      return m;
    }
  }

  public static Measures measure(Pcm pcm) {
    double[] db = frameDb(pcm.samples());
    double level = FLOOR_DB;
    double snr = 0;
    if (db.length > 0) {
      double[] sorted = db.clone();
      Arrays.sort(sorted);
      level = percentile(sorted, 0.95);
      snr = level - percentile(sorted, 0.10);
    }
    return new Measures(pcm.durationSeconds(), level, pcm.clippedRatio(), snr);
  }

  /** Energy of each 20 ms frame in dB relative to full scale (a full-scale sine is -3 dBFS). */
  static double[] frameDb(float[] x) {
    int n = x.length / FRAME;
    double[] out = new double[n];
    for (int t = 0; t < n; t++) {
      double e = 0;
      for (int i = t * FRAME; i < (t + 1) * FRAME; i++) {
        e += (double) x[i] * x[i];
      }
      e /= FRAME;
      out[t] = e <= 0 ? FLOOR_DB : Math.max(FLOOR_DB, 10 * Math.log10(e));
    }
    return out;
  }

  static double percentile(double[] sorted, double p) {
    int i = (int) Math.floor(p * (sorted.length - 1));
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}

package org.voxproof.watermark.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.voxproof.dsp.Resampler;
import org.voxproof.watermark.Detection;

/**
 * Search over time scale and frequency scale, for inputs played at another speed (both scales
 * equal, 0.8–1.25), pitch-shifted with the tempo kept (frequency scale 0.87–1.16, about ±2.5
 * semitones) or tempo-changed with the pitch kept (time scale 0.93–1.07).
 *
 * <p>A coarse scan of the first 6 s (pilots only, one sample phase, on a warped spectrogram: no
 * resampling, no decoding) runs along those three lines of the (time, frequency) plane. Only a
 * partial synchronisation match there ({@link #GATE_Z}) arms the fine search around it: for a speed
 * change, true resampling of the whole input at ±0.9 % in 0.3 % steps; off the diagonal, a 2-D
 * search on a warped spectrogram of the whole input (frequency ±0.6 % in 0.3 % steps, then time ±1
 * % in 0.5 % steps). Each fine search decodes its best 2 alignments; at most 2 fine searches run.
 */
final class SpeedSearch {
  static final double GATE_Z = 4.5;

  /** The coarse speed line spans a little more than 0.8–1.25 so both ends sit inside it. */
  private static final double MIN = 0.79;

  private static final double MAX = 1.27;
  private static final int COARSE_STEPS = 48;

  /** Pitch line (time scale 1): frequency scales 0.865–1.156 (±2.5 semitones) in 1.2 % steps. */
  private static final double PITCH_MIN = 0.865;

  private static final double PITCH_MAX = 1.156;
  private static final int PITCH_STEPS = 24;

  /** Tempo line (frequency scale 1): time scales 0.93–1.075 in about 2 % steps. */
  private static final double TEMPO_MIN = 0.93;

  private static final double TEMPO_MAX = 1.075;
  private static final int TEMPO_STEPS = 7;

  private static final double FINE_STEP = 0.003;
  private static final double FINE_TIME_STEP = 0.005;
  private static final int EXCERPT = 6 * Grid.RATE;

  /**
   * The coarse scan reads one sample phase (4 slot alignments instead of 8): half the cost, and the
   * gate z of marked speech drops by at most 0.4 (measured: 6.5 or more on 4 clips after pitch ±2
   * semitones, tempo ±5 %, speed ×1.25).
   */
  private static final int[] COARSE_PHASES = {0};

  private final Detector detector;

  SpeedSearch(Detector detector) {
    this.detector = detector;
  }

  /** The (time, frequency) scales of the coarse scan, plain playback (1, 1) excluded. */
  static List<double[]> coarseGrid() {
    List<double[]> grid = new ArrayList<>();
    for (int k = 0; k <= COARSE_STEPS; k++) {
      double s = MIN * Math.pow(MAX / MIN, (double) k / COARSE_STEPS);
      if (Math.abs(s - 1) >= 0.01) {
        grid.add(new double[] {s, s});
      }
    }
    for (int k = 0; k <= PITCH_STEPS; k++) {
      double f = PITCH_MIN * Math.pow(PITCH_MAX / PITCH_MIN, (double) k / PITCH_STEPS);
      if (Math.abs(f - 1) >= 0.01) {
        grid.add(new double[] {1, f});
      }
    }
    for (int k = 0; k <= TEMPO_STEPS; k++) {
      double t = TEMPO_MIN * Math.pow(TEMPO_MAX / TEMPO_MIN, (double) k / TEMPO_STEPS);
      if (Math.abs(t - 1) >= 0.01) {
        grid.add(new double[] {t, 1});
      }
    }
    return grid;
  }

  Optional<Detection> run(float[] x, long inputMs) {
    float[] excerpt = x.length > EXCERPT ? java.util.Arrays.copyOf(x, EXCERPT) : x;
    WarpedScan scan = new WarpedScan(excerpt, detector.fft());
    List<Candidate> coarse = new ArrayList<>();
    for (double[] g : coarseGrid()) {
      List<Candidate> c = detector.searchWarped(scan, g[0], g[1], COARSE_PHASES);
      if (!c.isEmpty() && c.get(0).z() >= GATE_Z) {
        coarse.add(c.get(0));
      }
    }
    coarse.sort(Comparator.comparingDouble(Candidate::z).reversed());
    WarpedScan whole = null;
    for (Candidate gate : coarse.subList(0, Math.min(2, coarse.size()))) {
      Optional<Detection> d;
      if (gate.speed() == gate.pitch()) {
        d = fine(x, gate.speed(), inputMs);
      } else {
        whole = whole != null ? whole : x == excerpt ? scan : new WarpedScan(x, detector.fft());
        d = fine2d(whole, gate.speed(), gate.pitch(), x.length, inputMs);
      }
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  private Optional<Detection> fine(float[] x, double center, long inputMs) {
    List<List<Candidate>> lists = new ArrayList<>();
    int best = 0;
    for (int k = -3; k <= 3; k++) {
      double s = center * (1 + k * FINE_STEP);
      float[] y = stretch(x, s);
      best = Math.max(best, y.length);
      lists.add(detector.search(y, s));
    }
    return detector.tryDecode(Detector.merge(lists), 2, best, inputMs);
  }

  /** Frequency first (the sharper axis), then time at the best frequency; decodes the best 2. */
  private Optional<Detection> fine2d(
      WarpedScan whole, double time, double freq, int length, long inputMs) {
    List<List<Candidate>> lists = new ArrayList<>();
    double bestFreq = freq;
    double bestZ = Double.NEGATIVE_INFINITY;
    for (int k = -2; k <= 2; k++) {
      double f = freq * (1 + k * FINE_STEP);
      List<Candidate> c = detector.searchWarped(whole, time, f);
      lists.add(c);
      if (!c.isEmpty() && c.get(0).z() > bestZ) {
        bestZ = c.get(0).z();
        bestFreq = f;
      }
    }
    for (int k = -2; k <= 2; k++) {
      if (k != 0) {
        lists.add(detector.searchWarped(whole, time * (1 + k * FINE_TIME_STEP), bestFreq));
      }
    }
    return detector.tryDecode(Detector.merge(lists), 2, (int) (length * time) + 1, inputMs);
  }

  static float[] stretch(float[] x, double speed) {
    return Resampler.stretch(x, speed);
  }
}

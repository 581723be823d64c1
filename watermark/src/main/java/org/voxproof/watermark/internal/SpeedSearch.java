package org.voxproof.watermark.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voxproof.dsp.Resampler;
import org.voxproof.watermark.Detection;

/**
 * Speed search for 0.8–1.25: a coarse scan of the first 6 s at 1 % steps (pilots only, on a warped
 * spectrogram: no resampling); only when it finds a partial synchronisation match ({@link #GATE_Z})
 * does a fine search at 0.3 % steps over the whole input run and decode.
 */
final class SpeedSearch {
  static final double GATE_Z = 4.5;

  /** The coarse grid spans a little more than 0.8–1.25 so both ends sit inside it. */
  private static final double MIN = 0.79;

  private static final double MAX = 1.27;
  private static final int COARSE_STEPS = 48;
  private static final double FINE_STEP = 0.003;
  private static final int EXCERPT = 6 * Grid.RATE;

  private final Detector detector;

  SpeedSearch(Detector detector) {
    this.detector = detector;
  }

  Optional<Detection> run(float[] x, long inputMs) {
    float[] excerpt = x.length > EXCERPT ? java.util.Arrays.copyOf(x, EXCERPT) : x;
    WarpedScan scan = new WarpedScan(excerpt, detector.fft());
    List<Candidate> coarse = new ArrayList<>();
    for (int k = 0; k <= COARSE_STEPS; k++) {
      double s = MIN * Math.pow(MAX / MIN, (double) k / COARSE_STEPS);
      if (Math.abs(s - 1) < 0.01) {
        continue;
      }
      List<Candidate> c = detector.searchWarped(scan, s);
      if (!c.isEmpty() && c.get(0).z() >= GATE_Z) {
        coarse.add(c.get(0));
      }
    }
    coarse.sort(java.util.Comparator.comparingDouble(Candidate::z).reversed());
    for (Candidate gate : coarse.subList(0, Math.min(2, coarse.size()))) {
      Optional<Detection> d = fine(x, gate.speed(), inputMs);
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

  static float[] stretch(float[] x, double speed) {
    return Resampler.stretch(x, speed);
  }
}

package org.voxproof.bench.consent;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import org.voxproof.consent.checks.DefaultConsentChecks;
import org.voxproof.consent.checks.internal.BaselineSpeaker;

/**
 * Equal error rate of the built-in speaker baseline: each voice's first utterances are its
 * reference samples (their prints averaged, as the consent check does), the last one or two are
 * test recordings; every test recording is scored against every voice's references (own voice:
 * genuine trial; other voice: impostor trial). Voices with one or two utterances only serve as
 * impostors.
 */
final class SpeakerEer {
  /** A trial: the test voice's and the reference voice's kinds, same speaker or not, the score. */
  record Trial(String testKind, String refKind, boolean genuine, double score) {}

  /** EER and the threshold where it occurs; FAR and FRR at the default threshold. */
  record Result(
      int genuine, int impostor, double eer, double eerThreshold, double far, double frr) {}

  private SpeakerEer() {}

  static List<Trial> trials(List<BenchVoices.Voice> voices, PrintWriter err) {
    BaselineSpeaker b = new BaselineSpeaker();
    List<float[]> refPrints = new ArrayList<>();
    List<List<float[]>> tests = new ArrayList<>();
    for (BenchVoices.Voice v : voices) {
      List<float[]> u = v.utterances();
      int nTest = u.size() >= 5 ? 2 : u.size() >= 3 ? 1 : u.size();
      int nRef = u.size() - nTest;
      List<float[]> refs = new ArrayList<>();
      for (int i = 0; i < nRef; i++) {
        refs.add(b.embed(u.get(i)));
      }
      refPrints.add(refs.isEmpty() ? null : mean(refs));
      List<float[]> t = new ArrayList<>();
      for (int i = nRef; i < u.size(); i++) {
        t.add(b.embed(u.get(i)));
      }
      tests.add(t);
      err.printf("  %-48s %d reference, %d test utterances%n", v.name(), nRef, nTest);
    }
    List<Trial> out = new ArrayList<>();
    for (int a = 0; a < voices.size(); a++) {
      for (float[] t : tests.get(a)) {
        for (int r = 0; r < voices.size(); r++) {
          if (refPrints.get(r) != null) {
            out.add(
                new Trial(
                    voices.get(a).kind(),
                    voices.get(r).kind(),
                    a == r,
                    BaselineSpeaker.similarity(t, refPrints.get(r))));
          }
        }
      }
    }
    return out;
  }

  static Result eer(List<Trial> trials, BiPredicate<String, String> kinds) {
    double[] g =
        trials.stream()
            .filter(t -> t.genuine() && kinds.test(t.testKind(), t.refKind()))
            .mapToDouble(Trial::score)
            .sorted()
            .toArray();
    double[] i =
        trials.stream()
            .filter(t -> !t.genuine() && kinds.test(t.testKind(), t.refKind()))
            .mapToDouble(Trial::score)
            .sorted()
            .toArray();
    if (g.length == 0 || i.length == 0) {
      return new Result(g.length, i.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] all = new double[g.length + i.length];
    System.arraycopy(g, 0, all, 0, g.length);
    System.arraycopy(i, 0, all, g.length, i.length);
    Arrays.sort(all);
    double best = Double.MAX_VALUE;
    double eer = 1;
    double thr = 0;
    for (double t : all) {
      double frr = below(g, t);
      double far = 1 - below(i, t);
      if (Math.abs(far - frr) < best) {
        best = Math.abs(far - frr);
        eer = (far + frr) / 2;
        thr = t;
      }
    }
    double d = DefaultConsentChecks.DEFAULT_BASELINE_THRESHOLD;
    return new Result(g.length, i.length, eer, thr, 1 - below(i, d), below(g, d));
  }

  /** Share of sorted {@code x} strictly below {@code t}. */
  private static double below(double[] x, double t) {
    int n = 0;
    for (double v : x) {
      if (v < t) {
        n++;
      }
    }
    return (double) n / x.length;
  }

  static float[] mean(List<float[]> vs) {
    float[] m = new float[vs.get(0).length];
    for (float[] v : vs) {
      for (int i = 0; i < m.length; i++) {
        m[i] += v[i] / vs.size();
      }
    }
    return m;
  }
}

package org.voxproof.bench.consent;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.voxproof.consent.checks.DefaultConsentChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxproof bench consent}: the consent checks' figures — the speaker baseline's equal error
 * rate over every voice this machine can make or find, the English phrase check's accuracy on
 * espeak-ng voices — and consent-token verification speed ({@link TokenBench}). Tables on stderr,
 * the summary as the last stdout line.
 */
@Command(
    name = "consent",
    mixinStandardHelpOptions = true,
    description = "Speaker-baseline EER, phrase-check accuracy, token verifications per second.")
public final class ConsentBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--only", description = "speaker, phrase or tokens (default: all three).")
  String only;

  @Option(
      names = "--phrase-voices",
      defaultValue = "8",
      description = "How many espeak-ng voices the phrase check is measured on.")
  int phraseVoices;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    StringBuilder summary = new StringBuilder();
    if (only == null || only.equals("speaker")) {
      summary.append(speaker(err)).append("; ");
    }
    if (only == null || only.equals("phrase")) {
      if (!BenchVoices.onPath("espeak-ng")) {
        err.println("phrase bench: espeak-ng is not on the PATH");
        return 2;
      }
      int n = Math.min(phraseVoices, BenchVoices.ESPEAK.size());
      err.printf("phrase check (Sphinx4 grammar) on %d espeak-ng voices:%n", n);
      PhraseAccuracy.Result r = PhraseAccuracy.run(BenchVoices.ESPEAK.subList(0, n), err);
      summary.append(
          String.format(
              "phrase check: right phrase accepted %d/%d, wrong phrase rejected %d/%d; ",
              r.rightAccepted(), r.rightTrials(), r.wrongRejected(), r.wrongTrials()));
    }
    if (only == null || only.equals("tokens")) {
      TokenBench.Result t = new TokenBench(err, Duration.ofSeconds(3), 2000).run();
      summary.append(t.summary()).append("; ");
    }
    out.println(summary.toString().replaceAll("; $", ""));
    out.flush();
    return 0;
  }

  private static String speaker(PrintWriter err) throws Exception {
    err.println("speaker baseline (no model) on these voices:");
    List<BenchVoices.Voice> voices = BenchVoices.all(err);
    List<SpeakerEer.Trial> trials = SpeakerEer.trials(voices, err);
    SpeakerEer.Result all = SpeakerEer.eer(trials, (a, b) -> true);
    SpeakerEer.Result synth =
        SpeakerEer.eer(trials, (a, b) -> !a.equals("human") && !b.equals("human"));
    SpeakerEer.Result human =
        SpeakerEer.eer(trials, (a, b) -> a.equals("human") && b.equals("human"));
    err.printf(
        "%-22s %8s %9s %7s %10s   at default %.2f: %6s %6s%n",
        "trials",
        "genuine",
        "impostor",
        "EER",
        "EER thr",
        DefaultConsentChecks.DEFAULT_BASELINE_THRESHOLD,
        "FAR",
        "FRR");
    row(err, "all voices", all);
    row(err, "synthetic voices", synth);
    row(err, "human voices", human);
    long humans = voices.stream().filter(v -> v.kind().equals("human")).count();
    return String.format(
        "speaker baseline EER %.1f%% over %d voices (%d synthetic, %d human; synthetic-only %.1f%%, human-only %.1f%%)",
        100 * all.eer(),
        voices.size(),
        voices.size() - humans,
        humans,
        100 * synth.eer(),
        100 * human.eer());
  }

  private static void row(PrintWriter err, String name, SpeakerEer.Result r) {
    err.printf(
        "%-22s %8d %9d %6.1f%% %10.3f   %20s %5.1f%% %5.1f%%%n",
        name,
        r.genuine(),
        r.impostor(),
        100 * r.eer(),
        r.eerThreshold(),
        "",
        100 * r.far(),
        100 * r.frr());
  }
}

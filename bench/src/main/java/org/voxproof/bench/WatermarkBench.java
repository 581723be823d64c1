package org.voxproof.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.voxproof.bench.attacks.Attack;
import org.voxproof.bench.attacks.Attacks;
import org.voxproof.bench.attacks.Audio;
import org.voxproof.watermark.Detection;
import org.voxproof.watermark.Payload;
import org.voxproof.watermark.WatermarkKey;
import org.voxproof.watermark.Watermarker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code voxproof bench watermark} (= {@code voxproof watermark bench}): marks 10 s speech clips at
 * each rate, applies every attack, detects, and prints a table on stderr; the last stdout line is
 * the mean detection rate. {@code --false-alarms N} runs the false-alarm calibration instead.
 */
@Command(
    name = "watermark",
    mixinStandardHelpOptions = true,
    description = "Watermark robustness, false positives and speed; table on stderr.")
public final class WatermarkBench implements Callable<Integer> {
  @Option(names = "--clips", description = "clips per rate (default 10; 4 with --quick)")
  Integer clips;

  @Option(names = "--rates", split = ",", description = "sample rates (default 16000,48000)")
  int[] rates = {16000, 48000};

  @Option(names = "--quick", description = "the fast attack subset (noise, resample, MP3, crop)")
  boolean quick;

  @Option(names = "--attacks", description = "only attacks whose name matches this regex")
  String only;

  @Option(names = "--corpus", description = "directory of WAV files instead of the built-in corpus")
  Path corpus;

  @Option(names = "--threads", description = "worker threads (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--seed", description = "random seed (keys, payloads, noise, crop offsets)")
  long seed = 1;

  @Option(names = "--false-alarms", description = "run the false-alarm calibration on N windows")
  int falseAlarms;

  @Option(
      names = "--compare",
      paramLabel = "CMD",
      description =
          "also run another tool on the same clips and attacks: CMD embed IN OUT PAYLOAD and"
              + " CMD detect IN (last stdout line: 8 hex digits when found)")
  String compare;

  @Override
  public Integer call() throws Exception {
    if (falseAlarms > 0) {
      return WatermarkBenchFalseAlarms.run(falseAlarms, threads, seed);
    }
    List<Attack> attacks = new ArrayList<>();
    for (Attack a : quick ? Attacks.quick() : Attacks.all()) {
      if (only == null || a.name().matches(only)) {
        attacks.add(a);
      }
    }
    WatermarkBenchStats stats =
        new WatermarkBenchStats(attacks.stream().map(Attack::name).toList(), rates, compare);
    int n = clips != null ? clips : quick ? 4 : 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int r = 0; r < rates.length; r++) {
        List<float[]> xs = WatermarkBenchCorpus.clips(n, rates[r], corpus);
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
          int ri = r;
          int ci = i;
          jobs.add(pool.submit(() -> clip(xs.get(ci), rates[ri], ri, ci, attacks, stats)));
        }
        for (int i = 0; i < xs.size(); i++) {
          int ri = r;
          int ci = i;
          jobs.add(pool.submit(() -> timing(xs.get(ci), rates[ri], ri, stats)));
        }
        for (Future<?> f : jobs) {
          f.get();
        }
        System.err.printf(Locale.ROOT, "bench: %d Hz done%n", rates[r]);
      }
    } finally {
      pool.shutdownNow();
    }
    stats.printTable(System.err);
    System.out.printf(
        Locale.ROOT,
        "mean detection %.3f over %d attacks (SNR %.1f dB, %d/%d false positives)%n",
        stats.meanDetection(),
        attacks.size(),
        stats.meanSnr(),
        stats.falsePositives.sum(),
        stats.unmarked.sum());
    return 0;
  }

  private Void clip(
      float[] x, int rate, int ri, int ci, List<Attack> attacks, WatermarkBenchStats s)
      throws Exception {
    Random rng = new Random(seed * 1_000_003L + ri * 1009L + ci);
    byte[] secret = new byte[32];
    rng.nextBytes(secret);
    WatermarkKey key = new WatermarkKey("bench-" + ci, secret);
    Payload payload = new Payload(rng.nextInt());
    long[] attackSeeds = rng.longs(attacks.size()).toArray();
    Watermarker wm = Watermarker.builder().build();
    float[] y = wm.embed(x, rate, payload, key);
    s.quality(ri, ci, WatermarkQuality.of(x, y, rate), false);
    s.unmarked.increment();
    if (wm.detect(x, rate, key).found()) {
      s.falsePositives.increment();
    }
    for (int a = 0; a < attacks.size(); a++) {
      Attack attack = attacks.get(a);
      Audio marked = new Audio(y, rate);
      long attackSeed = attackSeeds[a];
      run(s.cells[a][ri], attack, () -> detect(wm, attack, marked, key, attackSeed), payload);
    }
    if (s.compare != null) {
      compareClip(new CompareTool(s.compare), new Audio(x, rate), ri, ci, attacks, attackSeeds, s);
    }
    return null;
  }

  private void compareClip(
      CompareTool tool,
      Audio x,
      int ri,
      int ci,
      List<Attack> attacks,
      long[] attackSeeds,
      WatermarkBenchStats s)
      throws Exception {
    Payload payload = new Payload(new Random(seed * 31 + ri * 1009L + ci).nextInt());
    Audio y = tool.embed(x, payload);
    s.quality(ri, ci, WatermarkQuality.of(x.pcm(), y.pcm(), x.rate()), true);
    s.compareUnmarked.increment();
    if (tool.detect(x).isPresent()) {
      s.compareFalsePositives.increment();
    }
    for (int a = 0; a < attacks.size(); a++) {
      Attack attack = attacks.get(a);
      long attackSeed = attackSeeds[a];
      run(
          s.compareCells[a][ri],
          attack,
          () -> tool.detect(attack.apply(y, new Random(attackSeed))),
          payload);
    }
  }

  private static Optional<Payload> detect(
      Watermarker wm, Attack attack, Audio marked, WatermarkKey key, long attackSeed)
      throws Exception {
    Audio out = attack.apply(marked, new Random(attackSeed));
    Detection d = wm.detect(out.pcm(), out.rate(), key);
    return d.found() ? d.payload() : Optional.empty();
  }

  /** One detection after one attack, counted in {@code cell}. */
  interface Trial {
    Optional<Payload> run() throws Exception;
  }

  private static void run(WatermarkBenchStats.Cell cell, Attack attack, Trial t, Payload want) {
    cell.runs.increment();
    try {
      Optional<Payload> got = t.run();
      if (got.isPresent()) {
        cell.found.increment();
        if (got.get().equals(want)) {
          cell.exact.increment();
        }
      }
    } catch (Exception e) {
      cell.errors.increment();
      System.err.println("bench: " + attack.name() + ": " + e.getMessage());
    }
  }

  /** CPU time of embed and detect per clip, after two warm-up rounds (JIT). */
  private Void timing(float[] x, int rate, int ri, WatermarkBenchStats s) throws Exception {
    byte[] secret = new byte[32];
    new Random(seed + ri).nextBytes(secret);
    WatermarkKey key = new WatermarkKey("timing", secret);
    Watermarker wm = Watermarker.builder().build();
    Watermarker plain = Watermarker.builder().withoutSpeedSearch().build();
    double seconds = (double) x.length / rate;
    for (int round = 0; round < 3; round++) {
      double t0 = WatermarkBenchStats.cpuSeconds();
      float[] y = wm.embed(x, rate, new Payload(round), key);
      double t1 = WatermarkBenchStats.cpuSeconds();
      plain.detect(y, rate, key);
      double t2 = WatermarkBenchStats.cpuSeconds();
      wm.detect(x, rate, key);
      double t3 = WatermarkBenchStats.cpuSeconds();
      if (round == 2) {
        s.embed[ri].audio.add(seconds);
        s.embed[ri].cpu.add(t1 - t0);
        s.detect[ri].audio.add(seconds);
        s.detect[ri].cpu.add(t2 - t1);
        s.detectUnmarked[ri].audio.add(seconds);
        s.detectUnmarked[ri].cpu.add(t3 - t2);
      }
    }
    return null;
  }
}

package org.voxproof.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        new WatermarkBenchStats(attacks.stream().map(Attack::name).toList(), rates);
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
        stats.snrSum.sum() / Math.max(1, stats.snrCount.sum()),
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
    Watermarker wm = Watermarker.builder().build();
    float[] y = wm.embed(x, rate, payload, key);
    s.snrSum.add(snrDb(x, y));
    s.snrCount.increment();
    s.unmarked.increment();
    if (wm.detect(x, rate, key).found()) {
      s.falsePositives.increment();
    }
    for (int a = 0; a < attacks.size(); a++) {
      attack(wm, attacks.get(a), new Audio(y, rate), key, payload, rng, s.cells[a][ri]);
    }
    return null;
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

  private static void attack(
      Watermarker wm,
      Attack attack,
      Audio marked,
      WatermarkKey key,
      Payload payload,
      Random rng,
      WatermarkBenchStats.Cell cell) {
    cell.runs.increment();
    try {
      Audio out = attack.apply(marked, new Random(rng.nextLong()));
      Detection d = wm.detect(out.pcm(), out.rate(), key);
      if (d.found()) {
        cell.found.increment();
        if (d.payload().orElseThrow().equals(payload)) {
          cell.exact.increment();
        }
      }
    } catch (Exception e) {
      cell.errors.increment();
      System.err.println("bench: " + attack.name() + ": " + e.getMessage());
    }
  }

  static double snrDb(float[] x, float[] y) {
    double ex = 0;
    double ew = 0;
    for (int i = 0; i < x.length; i++) {
      ex += (double) x[i] * x[i];
      ew += (double) (y[i] - x[i]) * (y[i] - x[i]);
    }
    return 10 * Math.log10(ex / ew);
  }
}

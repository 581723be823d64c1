package org.voxproof.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.voxproof.bench.attacks.Audio;
import org.voxproof.bench.attacks.Codec;
import org.voxproof.bench.attacks.Noise;
import org.voxproof.watermark.Detection;
import org.voxproof.watermark.WatermarkKey;
import org.voxproof.watermark.Watermarker;

/**
 * False-alarm calibration: N windows of unmarked audio (speech, speech through MP3 and noise,
 * synthetic music, pink and white noise, near-silence), 3 s (half), 5 or 10 s from random offsets,
 * each searched with a fresh random key. Every 200th window also runs the speed search. Prints the
 * number of false detections and how often the sync score exceeded 4, 5 and 6.
 */
final class WatermarkBenchFalseAlarms {
  private static final int RATE = 16000;
  private static final double[] Z = {4, 5, 6};
  private static final int SPEED_EVERY = 200;

  private WatermarkBenchFalseAlarms() {}

  static int run(int windows, int threads, long seed) throws Exception {
    List<float[]> sources = sources(seed);
    LongAdder found = new LongAdder();
    LongAdder speedSearched = new LongAdder();
    LongAdder done = new LongAdder();
    AtomicLongArray over = new AtomicLongArray(Z.length);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> jobs = new ArrayList<>();
    int chunk = Math.max(1, windows / (threads * 8));
    for (int from = 0; from < windows; from += chunk) {
      int lo = from;
      int hi = Math.min(windows, from + chunk);
      jobs.add(
          pool.submit(
              () -> {
                for (int w = lo; w < hi; w++) {
                  Detection d = window(sources, seed, w);
                  found.add(d.found() ? 1 : 0);
                  speedSearched.add(w % SPEED_EVERY == 0 ? 1 : 0);
                  for (int z = 0; z < Z.length; z++) {
                    over.addAndGet(z, d.syncScore() >= Z[z] ? 1 : 0);
                  }
                  done.increment();
                  if (w % 10_000 == 0) {
                    progress(done.sum(), found.sum(), over);
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : jobs) {
      f.get();
    }
    pool.shutdown();
    for (int z = 0; z < Z.length; z++) {
      System.err.printf(
          Locale.ROOT, "sync z >= %.0f in %d of %d windows%n", Z[z], over.get(z), windows);
    }
    System.err.printf(Locale.ROOT, "speed search ran on %d windows%n", speedSearched.sum());
    System.out.printf(
        Locale.ROOT, "false detections %d in %d unmarked windows%n", found.sum(), windows);
    return found.sum() == 0 ? 0 : 1;
  }

  /** Running tallies, so a run stopped early still says how far it got and what it saw. */
  private static void progress(long done, long found, AtomicLongArray over) {
    System.err.printf(
        Locale.ROOT,
        "false alarms: %d windows done, %d false detections, sync z >= 4/5/6 in %d/%d/%d%n",
        done,
        found,
        over.get(0),
        over.get(1),
        over.get(2));
  }

  private static Detection window(List<float[]> sources, long seed, int w) throws Exception {
    Random r = new Random(seed * 7_919L + w);
    float[] src = sources.get(r.nextInt(sources.size()));
    int len = Math.min(src.length, new int[] {3, 3, 5, 10}[r.nextInt(4)] * RATE);
    int off = r.nextInt(src.length - len + 1);
    byte[] secret = new byte[32];
    r.nextBytes(secret);
    WatermarkKey key = new WatermarkKey("fa", secret);
    Watermarker.Builder b = Watermarker.builder();
    Watermarker wm = w % SPEED_EVERY == 0 ? b.build() : b.withoutSpeedSearch().build();
    return wm.detect(Arrays.copyOfRange(src, off, off + len), RATE, key);
  }

  /** Long unmarked sources at 16 kHz. */
  private static List<float[]> sources(long seed) throws Exception {
    Random r = new Random(seed);
    List<float[]> speech = WatermarkBenchCorpus.clips(11, RATE, null);
    float[] all = concat(speech);
    List<float[]> out = new ArrayList<>();
    out.add(all);
    out.add(
        new Codec("mp3 32k", "mp3", 0, "-c:a", "libmp3lame", "-b:a", "32k")
            .apply(new Audio(all, RATE), r)
            .pcm());
    out.add(Noise.add(all, Noise.pink(all.length, 0.02, r)));
    out.add(music(60 * RATE, r));
    out.add(Noise.pink(60 * RATE, 0.1, r));
    out.add(Noise.white(60 * RATE, 0.05, r));
    out.add(Noise.white(60 * RATE, 1e-4, r));
    return out;
  }

  private static float[] concat(List<float[]> parts) {
    int n = parts.stream().mapToInt(p -> p.length).sum();
    float[] out = new float[n];
    int pos = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, out, pos, p.length);
      pos += p.length;
    }
    return out;
  }

  /** Random notes with harmonics and decaying envelopes, two voices. */
  private static float[] music(int n, Random r) {
    float[] x = new float[n];
    for (int voice = 0; voice < 2; voice++) {
      int pos = 0;
      while (pos < n) {
        int len = RATE / 8 + r.nextInt(RATE / 2);
        double f = 110 * Math.pow(2, r.nextInt(36) / 12.0);
        for (int i = 0; i < len && pos + i < n; i++) {
          double env = Math.exp(-3.0 * i / len) * 0.15;
          double t = (double) i / RATE;
          for (int h = 1; h <= 5; h++) {
            x[pos + i] += (float) (env / h * Math.sin(2 * Math.PI * f * h * t));
          }
        }
        pos += len;
      }
    }
    return x;
  }
}

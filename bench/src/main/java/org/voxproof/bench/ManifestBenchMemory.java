package org.voxproof.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.voxproof.audio.WavWriter;

/** The large-file part of the manifest bench (time and peak heap), and small helpers. */
final class ManifestBenchMemory {
  private ManifestBenchMemory() {}

  /** Signs and validates a long 48 kHz stereo WAV once each; prints time and peak heap. */
  static void large(Path work, int seconds, ManifestBenchOurs ours, PrintWriter err)
      throws Exception {
    Path f = work.resolve("large.wav");
    float[] ch = ManifestBenchInputs.signal(48000 * seconds);
    WavWriter.pcm16().write(new float[][] {ch, ch}, 48000, f);
    ch = null;
    long size = Files.size(f);
    err.printf("large WAV: %d s, 48 kHz stereo, %,d bytes%n", seconds, size);
    byte[] audio = Files.readAllBytes(f);
    long base = settle();
    long t = System.nanoTime();
    byte[] signed = ours.sign(audio);
    double signMs = (System.nanoTime() - t) / 1e6;
    long signPeak = peak() - base;
    base = settle();
    t = System.nanoTime();
    ours.read(signed);
    double readMs = (System.nanoTime() - t) / 1e6;
    long readPeak = peak() - base;
    err.printf(
        "  bytes in memory: sign %.0f ms, heap peak +%,d bytes (%.2fx file); read %.0f ms, heap"
            + " peak +%,d bytes (%.2fx file); input already in memory%n",
        signMs, signPeak, signPeak / (double) size, readMs, readPeak, readPeak / (double) size);
  }

  /** Heap in use after a GC; resets the pools' peak counters. */
  private static long settle() {
    System.gc();
    long used = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
        used += p.getUsage().getUsed();
      }
    }
    return used;
  }

  /** Sum of the heap pools' peaks since {@link #settle()}: an upper bound of the peak heap. */
  private static long peak() {
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}

package org.voxproof.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.voxproof.audio.WavWriter;

/**
 * The large-file part of the manifest bench: time and heap of signing and validating a long WAV, in
 * memory and streamed file to file. Heap is the bytes the operation allocated (exact, per thread):
 * the operation's peak heap is at most that much above what was in use before it.
 */
final class ManifestBenchMemory {
  private ManifestBenchMemory() {}

  /** Signs and validates a {@code seconds} long 48 kHz stereo WAV; prints time and heap. */
  static void large(Path work, int seconds, ManifestBenchOurs ours, PrintWriter err)
      throws Exception {
    Path f = work.resolve("large.wav");
    float[] ch = ManifestBenchInputs.signal(48000 * seconds);
    WavWriter.pcm16().write(new float[][] {ch, ch}, 48000, f);
    long size = Files.size(f);
    err.printf("large WAV: %d s, 48 kHz stereo, %,d bytes%n", seconds, size);
    byte[] audio = Files.readAllBytes(f);
    byte[][] signed = new byte[1][];
    row(err, "in memory: sign", size, () -> signed[0] = ours.sign(audio));
    row(err, "in memory: read", size, () -> ours.read(signed[0]));
    Path out = work.resolve("large-signed.wav");
    row(err, "streamed:  sign", size, () -> ours.sign(f, out));
    row(err, "streamed:  read", size, () -> ours.read(out));
  }

  private static void row(PrintWriter err, String what, long size, ManifestBenchOurs.Op op)
      throws Exception {
    com.sun.management.ThreadMXBean tm =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long a0 = tm.getThreadAllocatedBytes(id);
    long t = System.nanoTime();
    op.run();
    double ms = (System.nanoTime() - t) / 1e6;
    long alloc = tm.getThreadAllocatedBytes(id) - a0;
    err.printf(
        "  %s %6.0f ms, heap allocated %,13d bytes (%.3fx the file)%n",
        what, ms, alloc, alloc / (double) size);
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

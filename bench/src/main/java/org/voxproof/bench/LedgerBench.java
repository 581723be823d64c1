package org.voxproof.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.MerkleHash;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.embedded.LogVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxproof bench ledger}: durable appends/s of the embedded log with 1, 4 and 16 blocking
 * writers (each append acknowledged only after its batch and the checkpoint covering it are
 * fsynced), raw fsync cost, and proof latency. Table on stderr; the last stdout line is {@code N
 * durable appends/s} (the best writer count). With {@code --data-dir} the log there is used with
 * its own key; a log signed by another key (a {@code serve} data directory, signed by the operator
 * key ring) is refused, never re-keyed.
 */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "Embedded ledger: durable appends/s (1, 4, 16 writers) and proof latency.")
public final class LedgerBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data-dir",
      description = "Keep the log here for inspection (default: a temporary directory).")
  Path dataDir;

  @Option(names = "--seconds", defaultValue = "3", description = "Seconds per writer count.")
  double seconds;

  private final AtomicLong counter = new AtomicLong();

  @Override
  public Integer call() throws Exception {
    boolean temp = dataDir == null;
    Path dir = temp ? Files.createTempDirectory("voxproof-bench-ledger") : dataDir;
    Files.createDirectories(dir);
    PrintWriter err = spec.commandLine().getErr();
    double best = 0;
    // The log's own key; a log signed by another key (serve's key ring) is refused, not re-keyed.
    try (EmbeddedLedger ledger = EmbeddedLedger.builder(dir).open()) {
      err.printf(
          "ledger bench in %s (%d cores)%n", dir, Runtime.getRuntime().availableProcessors());
      err.printf("fsync (4 KiB write + force): %.1f us%n", fsyncMicros(dir));
      err.printf(
          "%-24s %12s %10s %12s %14s%n",
          "writers", "appends/s", "batch", "fsync us", "checkpoint us");
      for (int writers : new int[] {1, 4, 16}) {
        EmbeddedLedger.CommitStats before = ledger.commitStats();
        double rate = appends(ledger, writers);
        best = Math.max(best, rate);
        row(err, writers + " blocking", rate, before, ledger.commitStats());
      }
      EmbeddedLedger.CommitStats before = ledger.commitStats();
      double async = pipelined(ledger, 256);
      row(err, "256 in flight (async)", async, before, ledger.commitStats());
      proofs(ledger, err);
    }
    long t0 = System.nanoTime();
    LogVerifier.Report r = LogVerifier.verify(dir);
    err.printf(
        "ledger verify: %,d entries in %.2f s%n", r.entries(), (System.nanoTime() - t0) / 1e9);
    err.flush();
    if (temp) {
      deleteTree(dir);
    }
    spec.commandLine().getOut().printf("%.0f durable appends/s%n", best);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static void row(
      PrintWriter err,
      String what,
      double rate,
      EmbeddedLedger.CommitStats a,
      EmbeddedLedger.CommitStats b) {
    long batches = Math.max(1, b.batches() - a.batches());
    err.printf(
        "%-24s %,12.0f %10.1f %12.0f %14.0f%n",
        what,
        rate,
        (b.appends() - a.appends()) / (double) batches,
        (b.syncNanos() - a.syncNanos()) / 1e3 / batches,
        (b.checkpointNanos() - a.checkpointNanos()) / 1e3 / batches);
  }

  private double appends(EmbeddedLedger ledger, int writers) throws Exception {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    AtomicLong done = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < writers; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < end) {
                    ledger.append(record());
                    done.incrementAndGet();
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }

  private double pipelined(EmbeddedLedger ledger, int window) throws Exception {
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long done = 0;
    while (System.nanoTime() < end) {
      List<CompletableFuture<?>> batch = new ArrayList<>(window);
      for (int i = 0; i < window; i++) {
        batch.add(ledger.appendAsync(record()).toCompletableFuture());
      }
      CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get();
      done += window;
    }
    return done / ((System.nanoTime() - start) / 1e9);
  }

  private void proofs(EmbeddedLedger ledger, PrintWriter err) throws Exception {
    long size = ledger.latestCheckpoint().size();
    int n = 200_000;
    long[] ns = new long[n];
    java.util.Random rnd = new java.util.Random(1);
    for (int i = 0; i < n; i++) {
      long idx = (long) (rnd.nextDouble() * size);
      long t = System.nanoTime();
      ledger.inclusionProof(idx, size);
      ns[i] = System.nanoTime() - t;
    }
    report(err, "inclusion proof", ns, size);
    for (int i = 0; i < n; i++) {
      long from = 1 + (long) (rnd.nextDouble() * (size - 1));
      long t = System.nanoTime();
      ledger.consistencyProof(from, size);
      ns[i] = System.nanoTime() - t;
    }
    report(err, "consistency proof", ns, size);
    for (int i = 0; i < n / 10; i++) {
      long t = System.nanoTime();
      ledger.evidence(id(1 + (long) (rnd.nextDouble() * (counter.get() - 1))));
      ns[i] = System.nanoTime() - t;
    }
    report(err, "evidence (read + tlog-proof)", Arrays.copyOf(ns, n / 10), size);
  }

  private static void report(PrintWriter err, String what, long[] ns, long size) {
    long[] s = ns.clone();
    Arrays.sort(s);
    double mean = Arrays.stream(s).average().orElse(0) / 1e3;
    err.printf(
        "%-28s mean %.1f us, p50 %.1f us, p99 %.1f us (tree size %,d)%n",
        what, mean, s[s.length / 2] / 1e3, s[(int) (s.length * 0.99)] / 1e3, size);
  }

  private LedgerRecord record() {
    long n = counter.incrementAndGet();
    byte[] h = MerkleHash.sha256(Long.toString(n).getBytes(StandardCharsets.UTF_8));
    return LedgerRecord.synthesis(
        id(n),
        ByteBuffer.allocate(12).putLong(n).putInt((int) BENCH_RUN).array(),
        h,
        h,
        h,
        "bench-licensee",
        "bench-engine",
        Instant.now());
  }

  private static final long BENCH_RUN = System.nanoTime();

  private static String id(long n) {
    return "bench-" + Long.toHexString(BENCH_RUN) + "-" + n;
  }

  private static double fsyncMicros(Path dir) throws IOException {
    Path f = dir.resolve("fsync-probe");
    int n = 200;
    long t0;
    try (FileChannel ch =
        FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(4096);
      t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        b.clear();
        ch.write(b);
        ch.force(false);
      }
    }
    double us = (System.nanoTime() - t0) / 1e3 / n;
    Files.delete(f);
    return us;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

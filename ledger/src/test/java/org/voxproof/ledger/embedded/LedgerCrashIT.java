package org.voxproof.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.LedgerCorruptException;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.TestRecords;

/**
 * Kills a child JVM that appends under load with SIGKILL at random moments (also while it
 * recovers), many times. After each kill: the stored checkpoint covers every acknowledged index;
 * cutting the entries file inside the last acknowledged entry (what a damaged tail looks like)
 * makes both {@code open} and {@link LogVerifier} fail; every acknowledged entry is present at its
 * index; and the whole log verifies.
 */
class LedgerCrashIT {
  private static final int ROUNDS = 30;

  @TempDir Path data;
  @TempDir Path scratch;

  @Test
  void sigkillUnderLoad_everyAcknowledgedEntrySurvives() throws Exception {
    Random random = new Random(); // random kill moments; the seed is printed for replay
    long seed = random.nextLong();
    random.setSeed(seed);
    System.err.println("LedgerCrashIT seed " + seed);
    Map<Long, Long> acked = new ConcurrentHashMap<>(); // n -> index
    int killedAfterAcks = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Process child = start(round);
      CountDownLatch opened = new CountDownLatch(1);
      Thread reader = readAcks(child, acked, opened);
      if (round % 3 != 2) {
        // Two rounds in three time the kill from the moment the child has opened the log (on a
        // loaded machine a JVM start alone can outlast any fixed delay); the third kills at any
        // moment, also while the child starts or recovers.
        assertThat(opened.await(120, TimeUnit.SECONDS)).as("child %d opened", round).isTrue();
      }
      Thread.sleep(150 + random.nextInt(900));
      if (round > 0) {
        LogVerifier.verify(data); // a reader while the child recovers or writes: never fails
      }
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      reader.join(10_000);
      killedAfterAcks += acked.isEmpty() ? 0 : 1;
      if (!acked.isEmpty()) {
        long last = Collections.max(acked.values());
        assertThat(LogVerifier.verify(data).checkpointSize())
            .as("stored checkpoint after kill %d", round)
            .isGreaterThan(last);
        cutInside(last, random);
      }
      checkAll(acked);
    }
    LogVerifier.Report report = LogVerifier.verify(data);
    System.err.printf(
        "LedgerCrashIT: %d rounds, %d acknowledged appends, %d entries%n",
        ROUNDS, acked.size(), report.entries());
    assertThat(killedAfterAcks).isPositive();
    assertThat(report.entries()).isGreaterThanOrEqualTo(acked.size());
  }

  private Process start(int round) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            CrashChild.class.getName(),
            data.toString(),
            Long.toString(round * 10_000_000L),
            "8");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  private static Thread readAcks(Process child, Map<Long, Long> acked, CountDownLatch opened) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  List<String> parts = List.of(line.split(" "));
                  if (parts.get(0).equals("OPEN")) {
                    opened.countDown();
                  }
                  if (parts.size() == 3 && parts.get(0).equals("ACK")) {
                    acked.put(Long.parseLong(parts.get(2)), Long.parseLong(parts.get(1)));
                  }
                }
              } catch (java.io.IOException | RuntimeException e) {
                // the child died mid-line: a partial line was never a complete acknowledgement
              }
            });
    t.start();
    return t;
  }

  /** On a copy of the log: a tail cut inside acknowledged entry {@code index} is refused. */
  private void cutInside(long index, Random random) throws Exception {
    Path copy = scratch.resolve("cut");
    Path log = copy.resolve("ledger");
    if (Files.exists(log)) {
      try (Stream<Path> old = Files.list(log)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(log);
    try (Stream<Path> files = Files.list(data.resolve("ledger"))) {
      for (Path p : files.toList()) {
        Files.copy(p, log.resolve(p.getFileName()));
      }
    }
    long[] frame = {-1, 0};
    long[] seen = {0};
    try (EntryFile f = EntryFile.openForRead(log.resolve("entries"))) {
      f.scan(
          (offset, payload) -> {
            if (seen[0]++ == index) {
              frame[0] = offset;
              frame[1] = payload.length + (long) EntryFile.FRAME_OVERHEAD;
              return false;
            }
            return true;
          });
    }
    assertThat(frame[0]).as("acknowledged entry %d is in the file", index).isPositive();
    try (FileChannel ch = FileChannel.open(log.resolve("entries"), StandardOpenOption.WRITE)) {
      ch.truncate(frame[0] + 1 + random.nextInt((int) frame[1] - 1));
    }
    String missing = "but its checkpoint commits to";
    assertThatThrownBy(() -> LogVerifier.verify(copy))
        .isInstanceOf(LedgerCorruptException.class)
        .hasMessageContaining(missing);
    assertThatThrownBy(() -> EmbeddedLedger.builder(copy).origin("crash.test/log").open())
        .isInstanceOf(LedgerCorruptException.class)
        .hasMessageContaining(missing);
  }

  private void checkAll(Map<Long, Long> acked) throws Exception {
    try (EmbeddedLedger ledger = EmbeddedLedger.builder(data).origin("crash.test/log").open()) {
      for (Map.Entry<Long, Long> e : acked.entrySet()) {
        LedgerEntry entry = ledger.entry(e.getValue());
        assertThat(entry.record()).isEqualTo(TestRecords.synthesis(e.getKey()));
      }
    }
    LogVerifier.verify(data);
  }
}

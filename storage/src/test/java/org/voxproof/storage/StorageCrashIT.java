package org.voxproof.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that commits two-row transactions under load with SIGKILL at random moments, on
 * each backend: every acknowledged transaction must be there whole, and no transaction may be there
 * in part.
 */
class StorageCrashIT {
  private static final int ROUNDS = 10;

  @TempDir Path dir;

  @Test
  void sigkill_sqlite_everyAcknowledgedWriteSurvivesWhole() throws Exception {
    Path data = dir.resolve("data");
    run("sqlite", data.toString(), () -> Storage.builder().embedded(data).open());
  }

  @Test
  void sigkill_postgres_everyAcknowledgedWriteSurvivesWhole() throws Exception {
    TestDatabases.requirePostgres();
    String schema = TestDatabases.randomSchema();
    try {
      run("postgres", schema, () -> TestDatabases.postgres(schema));
    } finally {
      TestDatabases.dropSchema(schema);
    }
  }

  interface Opener {
    Storage open() throws Exception;
  }

  private void run(String backend, String where, Opener opener) throws Exception {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    System.err.println("StorageCrashIT " + backend + " seed " + seed);
    Set<Long> acked = ConcurrentHashMap.newKeySet();
    for (int round = 0; round < ROUNDS; round++) {
      Process child = start(backend, where, round * 10_000_000L);
      CountDownLatch open = new CountDownLatch(1);
      Thread reader = readAcks(child, acked, open);
      if (round % 3 == 2) {
        Thread.sleep(random.nextInt(1500)); // any moment, also while it opens and migrates
      } else {
        assertThat(open.await(120, TimeUnit.SECONDS)).as("child opened the database").isTrue();
        Thread.sleep(200 + random.nextInt(1000)); // while it commits
      }
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL
      reader.join(10_000);
    }
    try (Storage db = opener.open()) {
      Map<Long, Long> parts =
          db
              .read(
                  sql ->
                      sql.query(
                          "select id, count(*) from crash_rows group by id",
                          rs -> Map.entry(rs.getLong(1), rs.getLong(2))))
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      System.err.printf(
          "StorageCrashIT %s: %d rounds, %d acknowledged, %d stored%n",
          backend, ROUNDS, acked.size(), parts.size());
      assertThat(acked).isNotEmpty();
      assertThat(parts.keySet()).containsAll(acked);
      assertThat(parts.values()).containsOnly(2L);
    }
  }

  private static Process start(String backend, String where, long firstId) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            CrashChild.class.getName(),
            backend,
            where,
            Long.toString(firstId),
            "4")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static Thread readAcks(Process child, Set<Long> acked, CountDownLatch open) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  if (line.equals("OPEN")) {
                    open.countDown();
                  } else if (line.startsWith("ACK ") && line.length() > 4) {
                    acked.add(Long.parseLong(line.substring(4)));
                  }
                }
              } catch (java.io.IOException | RuntimeException e) {
                // the child died mid-line: a partial line was never an acknowledgement
              }
            });
    t.start();
    return t;
  }
}

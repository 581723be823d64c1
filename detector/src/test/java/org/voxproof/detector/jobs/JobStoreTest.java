package org.voxproof.detector.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobStoreTest {
  @TempDir Path dir;

  /** Echoes the file's text; refuses files that say "bad". */
  static JsonObject echo(JobSpec job, byte[] file) throws JobProcessor.FileRefusedException {
    String s = new String(file, StandardCharsets.UTF_8);
    if (s.equals("bad")) {
      throw new JobProcessor.FileRefusedException("not_audio", 415, null);
    }
    return new JsonObject().put("text", s).put("audience", job.audience());
  }

  private static JobSpec submit(JobStore store, String owner, String... texts) throws Exception {
    JobStore.Staging st = store.stage();
    List<JobSpec.Entry> entries = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      Files.writeString(JobStore.stagedFile(st, i), texts[i]);
      entries.add(new JobSpec.Entry(i, "f" + i + ".wav", texts[i].length()));
    }
    return store.commit(st, owner, "platform", "", false, entries);
  }

  private static JsonObject awaitDone(JobStore store, String id, String owner) throws Exception {
    for (int i = 0; i < 500; i++) {
      JsonObject s = store.status(id, owner).orElseThrow();
      if (s.getString("status").equals("done")) {
        return s;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("job did not finish");
  }

  @Test
  void job_runsEveryFile_resultsInIndexOrder_errorsRecorded() throws Exception {
    try (JobStore store = JobStore.open(dir, JobStoreTest::echo, 2)) {
      JobSpec job = submit(store, "c1", "a", "bad", "c");
      JsonObject s = awaitDone(store, job.id(), "c1");
      assertThat(s.getInteger("total")).isEqualTo(3);
      assertThat(s.getInteger("failed")).isEqualTo(1);
      var results = s.getJsonArray("results");
      assertThat(results.getJsonObject(0).getJsonObject("result").getString("text")).isEqualTo("a");
      assertThat(results.getJsonObject(1).getJsonObject("error").getString("reason"))
          .isEqualTo("not_audio");
      assertThat(results.getJsonObject(2).getString("name")).isEqualTo("f2.wav");
      // each file's upload is gone once its result is durable
      try (Stream<Path> files = Files.list(dir.resolve(job.id()).resolve("files"))) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void status_otherOwnerOrUnknownOrMalformedId_empty() throws Exception {
    try (JobStore store = JobStore.open(dir, JobStoreTest::echo, 1)) {
      JobSpec job = submit(store, "c1", "a");
      assertThat(store.status(job.id(), "c2")).isEmpty();
      assertThat(store.status("00000000-0000-0000-0000-000000000000", "c1")).isEmpty();
      assertThat(store.status("../" + job.id(), "c1")).isEmpty();
    }
  }

  @Test
  void job_survivesRestart_newStoreOnTheSameDirFinishesIt() throws Exception {
    CountDownLatch firstDone = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    ConcurrentHashMap<Integer, Integer> firstRun = new ConcurrentHashMap<>();
    JobProcessor stalls =
        (job, file) -> {
          String s = new String(file, StandardCharsets.UTF_8);
          if (!s.equals("0")) {
            try {
              never.await(); // the "crash": stuck until the store closes
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted");
            }
          }
          firstRun.merge(Integer.parseInt(s), 1, Integer::sum);
          firstDone.countDown();
          return new JsonObject().put("text", s);
        };
    String id;
    JobStore first = JobStore.open(dir, stalls, 1);
    id = submit(first, "c1", "0", "1", "2", "3").id();
    assertThat(firstDone.await(10, TimeUnit.SECONDS)).isTrue();
    // wait until the first result is durable, then stop as a crash would
    for (int i = 0; i < 200 && first.status(id, "c1").orElseThrow().getInteger("done") < 1; i++) {
      Thread.sleep(10);
    }
    first.close();
    assertThat(new JobStoreTestHelper(dir, id).resultLines()).hasSize(1);
    // a torn line, as a crash mid-append leaves it
    Files.writeString(
        dir.resolve(id).resolve("results.jsonl"),
        "{\"index\":3,\"na",
        java.nio.file.StandardOpenOption.APPEND);

    ConcurrentHashMap<Integer, Integer> secondRun = new ConcurrentHashMap<>();
    try (JobStore second =
        JobStore.open(
            dir,
            (job, file) -> {
              String s = new String(file, StandardCharsets.UTF_8);
              secondRun.merge(Integer.parseInt(s), 1, Integer::sum);
              return new JsonObject().put("text", s);
            },
            2)) {
      JsonObject s = awaitDone(second, id, "c1");
      assertThat(s.getInteger("done")).isEqualTo(4);
      List<String> texts = new ArrayList<>();
      s.getJsonArray("results")
          .forEach(o -> texts.add(((JsonObject) o).getJsonObject("result").getString("text")));
      assertThat(texts).containsExactly("0", "1", "2", "3");
    }
    assertThat(firstRun).containsOnlyKeys(0);
    assertThat(secondRun).containsOnlyKeys(1, 2, 3); // file 0 was not examined twice
  }

  @Test
  void open_removesStagingLeftovers() throws Exception {
    try (JobStore store = JobStore.open(dir, JobStoreTest::echo, 1)) {
      JobStore.Staging st = store.stage();
      Files.writeString(JobStore.stagedFile(st, 0), "x");
    }
    try (JobStore again = JobStore.open(dir, JobStoreTest::echo, 1);
        Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
      assertThat(again.status("x", "c1")).isEqualTo(Optional.empty());
    }
  }

  @Test
  void open_damagedJob_skippedOthersResume() throws Exception {
    String good;
    try (JobStore store = JobStore.open(dir, JobStoreTest::echo, 1)) {
      good = submit(store, "c1", "a").id();
      awaitDone(store, good, "c1");
    }
    Path bad = Files.createDirectories(dir.resolve("11111111-2222-3333-4444-555555555555"));
    Files.writeString(bad.resolve("job.json"), "{not json");
    try (JobStore again = JobStore.open(dir, JobStoreTest::echo, 1)) {
      assertThat(again.status(good, "c1")).isPresent();
      assertThat(again.status(bad.getFileName().toString(), "c1")).isEmpty();
    }
  }

  /** Reads a job's results file as lines. */
  record JobStoreTestHelper(Path dir, String id) {
    List<String> resultLines() throws Exception {
      return Files.readAllLines(dir.resolve(id).resolve("results.jsonl"));
    }
  }
}

package org.voxproof.detector.jobs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.voxproof.storage.OwnerOnly;

/**
 * Durable batch jobs under one directory: {@code <dir>/<id>/job.json} (the {@link JobSpec}), {@code
 * files/00000.bin}… (the uploads, each deleted once its result is on disk) and {@code
 * results.jsonl} (one line per examined file, appended and fsynced). A job appears whole or not at
 * all (staged in {@code .staging-*}, renamed into place); results are appended in completion order;
 * a torn last line (crash mid-write) is cut off when the store opens. Opening the store resumes
 * every unfinished job, so a job survives a restart; a file whose result was not yet durable is
 * examined again. Thread-safe; blocking (disk): call from workers.
 */
public final class JobStore implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(JobStore.class.getName());
  private static final String SPEC = "job.json";
  private static final String RESULTS = "results.jsonl";
  private static final String FILES = "files";

  private final Path dir;
  private final JobProcessor processor;
  private final ExecutorService pool;
  private final Clock clock;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private JobStore(Path dir, JobProcessor processor, int threads, Clock clock) {
    this.dir = dir;
    this.processor = processor;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "detect-jobs-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Opens the store in {@code dir} (created if missing) and resumes its unfinished jobs. */
  public static JobStore open(Path dir, JobProcessor processor, int threads) throws IOException {
    return open(dir, processor, threads, Clock.systemUTC());
  }

  static JobStore open(Path dir, JobProcessor processor, int threads, Clock clock)
      throws IOException {
    OwnerOnly.createDirectories(dir);
    JobStore s = new JobStore(dir, processor, threads, clock);
    s.resumeAll();
    return s;
  }

  /** A new, empty staging area for a job's files; {@link #commit} or {@link #discard} it. */
  public Staging stage() throws IOException {
    String id = UUID.randomUUID().toString();
    Path st = dir.resolve(".staging-" + id);
    OwnerOnly.createDirectories(st.resolve(FILES));
    return new Staging(id, st);
  }

  /**
   * Makes the staged job durable and queues it.
   *
   * @param files the staged files, {@code files/%05d.bin} by index
   */
  public JobSpec commit(
      Staging st,
      String owner,
      String audience,
      String legalBasisHash,
      boolean evidence,
      List<JobSpec.Entry> files)
      throws IOException {
    JobSpec spec =
        new JobSpec(st.id(), owner, audience, legalBasisHash, evidence, clock.instant(), files);
    writeDurably(st.dir().resolve(SPEC), spec.toJson().encode().getBytes(StandardCharsets.UTF_8));
    OwnerOnly.createFile(st.dir().resolve(RESULTS));
    Path target = dir.resolve(st.id());
    Files.move(st.dir(), target, StandardCopyOption.ATOMIC_MOVE);
    fsyncDir(dir);
    Job job = new Job(spec, target, List.of());
    jobs.put(spec.id(), job);
    schedule(job);
    return spec;
  }

  /** Removes a staging area (a refused upload leaves nothing behind). */
  public void discard(Staging st) throws IOException {
    deleteTree(st.dir());
  }

  /** Where file {@code index} of a staged job goes. */
  public static Path stagedFile(Staging st, int index) {
    return st.dir().resolve(FILES).resolve(String.format("%05d.bin", index));
  }

  /**
   * The job's progress and results (sorted by index), or empty when there is no such job or it is
   * not {@code owner}'s (the two are not told apart).
   */
  public Optional<JsonObject> status(String id, String owner) throws IOException {
    if (!JobSpec.validId(id)) {
      return Optional.empty();
    }
    Job job = jobs.get(id);
    if (job == null || !job.spec.owner().equals(owner)) {
      return Optional.empty();
    }
    List<JsonObject> results = readResults(job.dir.resolve(RESULTS));
    results.sort(Comparator.comparingInt(r -> r.getInteger("index")));
    int total = job.spec.files().size();
    long failed = results.stream().filter(r -> r.containsKey("error")).count();
    String state = results.size() >= total ? "done" : results.isEmpty() ? "queued" : "running";
    return Optional.of(
        new JsonObject()
            .put("jobId", id)
            .put("status", state)
            .put("total", total)
            .put("done", results.size())
            .put("failed", failed)
            .put("createdAt", job.spec.createdAt().toString())
            .put("results", new JsonArray(new ArrayList<>(results))));
  }

  /** Stops the workers; results not yet durable are redone when the store is opened again. */
  @Override
  public void close() {
    closed = true;
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Job j : jobs.values()) {
      j.closeChannel();
    }
  }

  private void resumeAll() throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".staging-")) {
          deleteTree(p); // an upload that never became a job
        } else if (JobSpec.validId(name) && Files.isRegularFile(p.resolve(SPEC))) {
          try {
            resume(p);
          } catch (IOException | RuntimeException e) {
            // one damaged job must not keep the service from starting; it stays for inspection
            LOG.log(Level.WARNING, "job " + name + " cannot be resumed: " + e);
          }
        }
      }
    }
  }

  private void resume(Path jobDir) throws IOException {
    JobSpec spec =
        JobSpec.fromJson(
            new JsonObject(Files.readString(jobDir.resolve(SPEC), StandardCharsets.UTF_8)));
    Path results = jobDir.resolve(RESULTS);
    cutTornTail(results);
    Job job = new Job(spec, jobDir, readResults(results));
    jobs.put(spec.id(), job);
    schedule(job);
  }

  private void schedule(Job job) {
    for (JobSpec.Entry e : job.spec.files()) {
      if (!job.isDone(e.index())) {
        pool.execute(() -> run(job, e));
      }
    }
  }

  private void run(Job job, JobSpec.Entry e) {
    if (closed) {
      return;
    }
    Path file = job.dir.resolve(FILES).resolve(String.format("%05d.bin", e.index()));
    JsonObject line = new JsonObject().put("index", e.index()).put("name", e.name());
    try {
      line.put("result", processor.process(job.spec, Files.readAllBytes(file)));
    } catch (JobProcessor.FileRefusedException ex) {
      line.put("error", new JsonObject().put("reason", ex.reason()).put("status", ex.status()));
    } catch (IOException | RuntimeException ex) {
      if (closed) {
        return;
      }
      LOG.log(Level.WARNING, "job " + job.spec.id() + " file " + e.index() + " failed", ex);
      line.put("error", new JsonObject().put("reason", "internal").put("status", 500));
    }
    try {
      if (job.append(line, () -> closed)) {
        Files.deleteIfExists(file);
      }
    } catch (IOException ex) {
      LOG.log(Level.WARNING, "job " + job.spec.id() + ": cannot write a result: " + ex);
    }
  }

  private static List<JsonObject> readResults(Path results) throws IOException {
    List<JsonObject> out = new ArrayList<>();
    String text = Files.readString(results, StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n');
    if (end < 0) {
      return out;
    }
    for (String l : text.substring(0, end).split("\n")) {
      if (!l.isEmpty()) {
        out.add(new JsonObject(l));
      }
    }
    return out;
  }

  private static void cutTornTail(Path results) throws IOException {
    try (FileChannel ch = FileChannel.open(results, StandardOpenOption.WRITE)) {
      byte[] all = Files.readAllBytes(results);
      int keep = all.length;
      while (keep > 0 && all[keep - 1] != '\n') {
        keep--;
      }
      if (keep < all.length) {
        ch.truncate(keep);
        ch.force(true);
      }
    }
  }

  private static void writeDurably(Path p, byte[] data) throws IOException {
    try (FileChannel ch =
        OwnerOnly.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.wrap(data);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
  }

  private static void fsyncDir(Path d) {
    try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // not every file system syncs directories; the rename itself is atomic
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> w = Files.walk(p)) {
      for (Path x : w.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }

  /** A job being uploaded: its id-to-be and staging directory. */
  public record Staging(String id, Path dir) {}

  /** When a job was created, for status pages. */
  Instant now() {
    return clock.instant();
  }
}

package org.voxproof.detector.http;

import static org.voxproof.http.auth.Role.OPERATOR;
import static org.voxproof.http.auth.Role.PLATFORM;
import static org.voxproof.http.auth.Role.POLICE;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.voxproof.detector.batch.BatchException;
import org.voxproof.detector.batch.BatchException.Reason;
import org.voxproof.detector.batch.BatchFile;
import org.voxproof.detector.batch.BatchLimits;
import org.voxproof.detector.batch.ZipBatch;
import org.voxproof.detector.jobs.JobSpec;
import org.voxproof.detector.jobs.JobStore;
import org.voxproof.http.Problems;
import org.voxproof.http.Responses;
import org.voxproof.http.Workers;
import org.voxproof.http.auth.BearerAuth;

/**
 * {@code POST /v1/detect/batch}: {@code multipart/form-data} with many file parts, or one part that
 * is a ZIP archive (unpacked by {@link ZipBatch} under {@link BatchLimits}: bombs, nested archives
 * and path tricks refused, all or nothing) → 202 {@code {"jobId"}} once the job is durable. {@code
 * GET /v1/jobs/{id}}: progress and results, only for the key that created the job (404 for anyone
 * else). Results are cut to the creator's view; a police batch needs a legal basis and logs each
 * access.
 */
final class BatchRoutes {
  private static final byte[] ZIP_MAGIC = {0x50, 0x4b, 0x03, 0x04};

  private final DetectorService s;
  private final Workers io;

  private BatchRoutes(DetectorService s, Workers io) {
    this.s = s;
    this.io = io;
  }

  static void mount(Vertx vertx, Router router, DetectorService s) {
    BatchRoutes b = new BatchRoutes(s, Workers.create(vertx, "detect-jobs-io", 4));
    router
        .post("/v1/detect/batch")
        .handler(BearerAuth.require(PLATFORM, POLICE, OPERATOR))
        .handler(s.detectLimits.handler())
        .handler(Caller.resolve())
        .handler(BatchRoutes::requireMultipart);
    router
        .post("/v1/detect/batch")
        .handler(
            Uploads.handler(s.uploads, s.batchLimits.maxTotalBytes() + Uploads.MULTIPART_OVERHEAD))
        .handler(b::create);
    router
        .get("/v1/jobs/:id")
        .handler(BearerAuth.require(PLATFORM, POLICE, OPERATOR))
        .handler(b::status);
  }

  private static void requireMultipart(RoutingContext ctx) {
    if (Uploads.multipart(ctx)) {
      ctx.next();
    } else {
      Problems.refuse(
          ctx, 415, "multipart_required", "Multipart required", List.of("multipart_required"));
    }
  }

  private void create(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    List<FileUpload> parts = Uploads.files(ctx);
    if (parts.isEmpty()) {
      Problems.refuse(ctx, 400, "no_file", "No file part", List.of("no_file"));
      return;
    }
    boolean evidence = "true".equals(ctx.queryParams().get("evidence"));
    io.call(() -> stageAndCommit(caller, parts, evidence))
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                JobSpec j = ar.result();
                ctx.response().putHeader("Location", "/v1/jobs/" + j.id());
                Responses.json(
                    ctx,
                    202,
                    new JsonObject()
                        .put("jobId", j.id())
                        .put("files", j.files().size())
                        .put("status", "/v1/jobs/" + j.id()));
              } else if (ar.cause() instanceof BatchException e) {
                DetectorProblems.send(ctx, e);
              } else {
                ctx.fail(ar.cause());
              }
            });
  }

  private JobSpec stageAndCommit(Caller caller, List<FileUpload> parts, boolean evidence)
      throws BatchException, IOException {
    JobStore.Staging st = s.jobs.stage();
    try {
      List<JobSpec.Entry> entries =
          parts.size() == 1 && isZip(Uploads.path(parts.get(0)))
              ? unzip(parts.get(0), st)
              : files(parts, st);
      String basis = caller.legalBasisHash().map(h -> HexFormat.of().formatHex(h)).orElse("");
      return s.jobs.commit(
          st,
          caller.principal().id(),
          caller.audience().name().toLowerCase(Locale.ROOT),
          basis,
          evidence,
          entries);
    } catch (BatchException | IOException | RuntimeException e) {
      s.jobs.discard(st);
      throw e;
    }
  }

  private List<JobSpec.Entry> unzip(FileUpload zip, JobStore.Staging st)
      throws BatchException, IOException {
    Path out = JobStore.stagedFile(st, 0).getParent();
    List<JobSpec.Entry> entries = new ArrayList<>();
    for (BatchFile f : ZipBatch.unpack(Uploads.path(zip), out, s.batchLimits)) {
      ownerOnly(f.path());
      entries.add(new JobSpec.Entry(f.index(), f.name(), f.size()));
    }
    return entries;
  }

  private List<JobSpec.Entry> files(List<FileUpload> parts, JobStore.Staging st)
      throws BatchException, IOException {
    BatchLimits l = s.batchLimits;
    if (parts.size() > l.maxFiles()) {
      throw new BatchException(Reason.TOO_MANY_FILES, "more than " + l.maxFiles() + " files");
    }
    List<JobSpec.Entry> entries = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < parts.size(); i++) {
      FileUpload u = parts.get(i);
      long size = Files.size(Uploads.path(u));
      if (size > l.maxFileBytes()) {
        throw new BatchException(Reason.FILE_TOO_LARGE, "a file is larger than the limit");
      }
      total += size;
      if (total > l.maxTotalBytes()) {
        throw new BatchException(Reason.ARCHIVE_TOO_LARGE, "the files are larger than the limit");
      }
      Files.move(Uploads.path(u), JobStore.stagedFile(st, i));
      ownerOnly(JobStore.stagedFile(st, i));
      entries.add(new JobSpec.Entry(i, Uploads.displayName(u.fileName(), i), size));
    }
    return entries;
  }

  /** Uploads and unpacked files are written with the umask's modes; ours are 0600. */
  private static void ownerOnly(Path p) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
  }

  private static boolean isZip(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      byte[] head = in.readNBytes(4);
      return java.util.Arrays.equals(head, ZIP_MAGIC);
    }
  }

  private void status(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String owner = BearerAuth.principal(ctx).orElseThrow().id();
    io.call(ctx, () -> s.jobs.status(id, owner))
        .onSuccess(
            j -> {
              if (j.isEmpty()) {
                Problems.send(ctx, 404, "not_found", "Not found", "No such job.");
              } else {
                ctx.response().putHeader("Cache-Control", "no-store");
                Responses.json(ctx, j.get());
              }
            });
  }
}

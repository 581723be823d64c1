package org.voxproof.detector.http;

import static org.voxproof.http.auth.Role.OPERATOR;
import static org.voxproof.http.auth.Role.PLATFORM;
import static org.voxproof.http.auth.Role.POLICE;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.voxproof.detector.DetectorException;
import org.voxproof.http.Problems;
import org.voxproof.http.Responses;
import org.voxproof.http.Workers;
import org.voxproof.http.auth.BearerAuth;
import org.voxproof.http.observe.RequestObserver;

/**
 * {@code POST /v1/detect} (platform, police and operator keys): the file as the raw body, or as the
 * first file part of {@code multipart/form-data}; {@code ?evidence=true} adds {@code evidence}, the
 * signed bundle. In order: role, per-key rate limit (429), legal basis for police (400), the
 * size-capped body (413), then decoding and detection on the {@code detect} worker pool (415 {@code
 * not_audio} for what is not audio), the police access record, the answer cut to the caller's view
 * ({@link Caller}). More detections in flight than the pool can queue is 503 with {@code
 * Retry-After}.
 */
final class DetectorRoutes {
  private final DetectorService s;
  private final Workers workers;
  private final Examiner examiner;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final int maxInFlight;

  private DetectorRoutes(DetectorService s, Workers workers) {
    this.s = s;
    this.workers = workers;
    this.examiner = new Examiner(s);
    this.maxInFlight = s.workers * 8;
  }

  static void mount(Vertx vertx, Router router, DetectorService s) {
    DetectorRoutes d = new DetectorRoutes(s, Workers.create(vertx, "detect", s.workers));
    // Who, how often, on what basis: decided before a byte of the body is read.
    router
        .post("/v1/detect")
        .handler(BearerAuth.require(PLATFORM, POLICE, OPERATOR))
        .handler(s.detectLimits.handler())
        .handler(Caller.resolve())
        .handler(Uploads::refuseFormEncoded);
    router
        .post("/v1/detect")
        .handler(Uploads.handler(s.uploads, s.maxFileBytes + Uploads.MULTIPART_OVERHEAD))
        .handler(d::detect);
  }

  private void detect(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    boolean evidence = "true".equals(ctx.queryParams().get("evidence"));
    Path part = null;
    Buffer raw = null;
    if (Uploads.multipart(ctx)) {
      List<FileUpload> files = Uploads.files(ctx);
      if (files.isEmpty()) {
        Problems.refuse(ctx, 400, "no_file", "No file part", List.of("no_file"));
        return;
      }
      if (files.get(0).size() > s.maxFileBytes) {
        Problems.send(ctx, 413, "too_large", "Too large", null);
        return;
      }
      part = Uploads.path(files.get(0));
    } else {
      raw = ctx.body().buffer();
      if (raw != null && raw.length() > s.maxFileBytes) {
        Problems.send(ctx, 413, "too_large", "Too large", null);
        return;
      }
    }
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      ctx.response().putHeader("Retry-After", "1");
      Problems.send(ctx, 503, "unavailable", "Detector busy", "Too many detections in flight.");
      return;
    }
    Path file = part;
    Buffer body = raw;
    workers
        .call(
            () -> {
              byte[] bytes =
                  file != null
                      ? Files.readAllBytes(file)
                      : body == null ? new byte[0] : body.getBytes();
              return examiner.examine(bytes, caller.audience(), caller.legalBasisHash(), evidence);
            })
        .onComplete(
            ar -> {
              inFlight.decrementAndGet();
              if (ar.succeeded()) {
                JsonObject j = ar.result();
                // For the access log and voxproof_detections_total{verdict}.
                RequestObserver.note(ctx, "verdict", j.getString("verdict"));
                ctx.response().putHeader("Cache-Control", "no-store");
                Responses.json(ctx, j);
              } else if (ar.cause() instanceof DetectorException e) {
                DetectorProblems.send(ctx, e);
              } else {
                ctx.fail(ar.cause());
              }
            });
  }
}

package org.voxproof.detector.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.voxproof.http.Bodies;
import org.voxproof.http.Problems;
import org.voxproof.http.Responses;
import org.voxproof.http.Workers;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.RecordKind;
import org.voxproof.provenance.ManifestArchive;

/**
 * The C2PA Soft Binding Resolution API (c2pa.org, OpenAPI "C2PA Soft Binding Resolution API" 1.0.0)
 * under {@code /c2pa/v1}, for anyone, rate-limited per key or address: our watermark's binding
 * ({@code org.voxproof.spread-spectrum.1}, value the base64 of the 4-byte payload, as our
 * manifests' {@code c2pa.soft-binding} assertion states it) resolves through the ledger to our
 * manifest id, and the manifest id to the manifest store we archived when we signed it.
 *
 * <ul>
 *   <li>{@code GET /c2pa/v1/services/supportedAlgorithms} → {@code {"watermarks":[{"alg"}],
 *       "fingerprints":[]}}
 *   <li>{@code GET /c2pa/v1/matches/byBinding?alg=&value=[&maxResults=]} and {@code POST} with
 *       {@code {"alg","value"}} → {@code {"matches":[{"manifestId","similarityScore"}]}}
 *   <li>{@code GET /c2pa/v1/manifests/{manifestId}} → {@code application/c2pa}, the manifest store
 *       (our stores hold one manifest, so {@code returnActiveManifest} changes nothing)
 * </ul>
 */
final class SoftBindingRoutes {
  /** Our watermark's soft-binding algorithm name (docs/provenance.md §3). */
  static final String ALG = "org.voxproof.spread-spectrum.1";

  private final DetectorService s;
  private final Workers io;

  private SoftBindingRoutes(DetectorService s, Workers io) {
    this.s = s;
    this.io = io;
  }

  static void mount(Vertx vertx, Router router, DetectorService s) {
    SoftBindingRoutes r = new SoftBindingRoutes(s, Workers.create(vertx, "c2pa-io", 4));
    router
        .get("/c2pa/v1/services/supportedAlgorithms")
        .handler(s.resolveLimits.handler())
        .handler(SoftBindingRoutes::algorithms);
    router
        .get("/c2pa/v1/matches/byBinding")
        .handler(s.resolveLimits.handler())
        .handler(
            ctx -> r.byBinding(ctx, ctx.queryParams().get("alg"), ctx.queryParams().get("value")));
    router.post("/c2pa/v1/matches/byBinding").handler(s.resolveLimits.handler());
    router
        .post("/c2pa/v1/matches/byBinding")
        .handler(Bodies.limited(Bodies.JSON_LIMIT))
        .handler(r::byBindingPost);
    router
        .get("/c2pa/v1/manifests/:manifestId")
        .handler(s.resolveLimits.handler())
        .handler(r::manifest);
  }

  private static void algorithms(RoutingContext ctx) {
    Responses.json(
        ctx,
        new JsonObject()
            .put("watermarks", new JsonArray().add(new JsonObject().put("alg", ALG)))
            .put("fingerprints", new JsonArray()));
  }

  private void byBindingPost(RoutingContext ctx) {
    Buffer b = ctx.body().buffer();
    JsonObject q;
    try {
      q = b == null ? null : new JsonObject(b);
    } catch (DecodeException | ClassCastException e) {
      q = null;
    }
    if (q == null) {
      invalid(ctx, "invalid_query", "The body is not a soft binding query object.");
      return;
    }
    Object alg = q.getValue("alg");
    Object value = q.getValue("value");
    byBinding(ctx, alg instanceof String a ? a : null, value instanceof String v ? v : null);
  }

  private void byBinding(RoutingContext ctx, String alg, String value) {
    if (alg == null || value == null) {
      invalid(ctx, "invalid_query", "alg and value are required.");
      return;
    }
    if (!ALG.equals(alg)) {
      invalid(ctx, "unsupported_algorithm", "Supported: " + ALG + ".");
      return;
    }
    Optional<byte[]> payload = payload(value);
    if (payload.isEmpty()) {
      invalid(ctx, "invalid_value", "value is the base64 of a 4-byte payload.");
      return;
    }
    if (!maxResultsOk(ctx.queryParams().get("maxResults"))) {
      invalid(ctx, "invalid_query", "maxResults is an integer >= 1.");
      return;
    }
    io.call(ctx, () -> s.ledger.findByWatermark(payload.get()))
        .onSuccess(
            e -> {
              JsonArray matches = new JsonArray();
              e.filter(SoftBindingRoutes::synthesis)
                  .flatMap(x -> ManifestArchive.idOf(x.record().id()))
                  .ifPresent(
                      id ->
                          matches.add(
                              new JsonObject()
                                  .put("manifestId", ManifestArchive.label(id))
                                  .put("similarityScore", 100)));
              Responses.json(ctx, new JsonObject().put("matches", matches));
            });
  }

  private void manifest(RoutingContext ctx) {
    Optional<UUID> id = ManifestArchive.idOf(ctx.pathParam("manifestId"));
    if (id.isEmpty()) {
      invalid(ctx, "invalid_manifest_id", "A manifest id is urn:c2pa:<uuid>.");
      return;
    }
    io.call(
            ctx,
            () -> {
              // Only manifests of released audio: the ledger holds a record of each.
              Optional<LedgerEntry> e = s.ledger.findById(id.get().toString());
              return e.filter(SoftBindingRoutes::synthesis).isPresent()
                  ? s.archive.get(id.get())
                  : Optional.<byte[]>empty();
            })
        .onSuccess(
            store -> {
              if (store.isEmpty()) {
                Problems.send(ctx, 404, "not_found", "Not found", "No manifest with this id.");
              } else {
                ctx.response()
                    .putHeader("Content-Type", "application/c2pa")
                    .end(Buffer.buffer(store.get()));
              }
            });
  }

  private static boolean synthesis(LedgerEntry e) {
    return e.record().kind() == RecordKind.SYNTHESIS;
  }

  private static Optional<byte[]> payload(String value) {
    try {
      byte[] b = Base64.getDecoder().decode(value);
      return b.length == 4 ? Optional.of(b) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean maxResultsOk(String m) {
    if (m == null) {
      return true;
    }
    try {
      return Integer.parseInt(m) >= 1;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void invalid(RoutingContext ctx, String reason, String detail) {
    Problems.send(
        ctx,
        Problems.problem(400, reason, "Invalid query value", detail)
            .put("reasons", new JsonArray(List.of(reason))));
  }
}

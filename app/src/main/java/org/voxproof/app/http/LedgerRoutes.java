package org.voxproof.app.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voxproof.ledger.InclusionProof;
import org.voxproof.ledger.LedgerConflictException;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerNotFoundException;
import org.voxproof.ledger.LedgerOverloadedException;
import org.voxproof.ledger.LedgerRangeException;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.ledger.LedgerUnsupportedException;
import org.voxproof.ledger.ProvenanceLedger;

/**
 * Public, read-only ledger endpoints under {@code /v1/ledger/}: checkpoint, entries, inclusion and
 * consistency proofs, lookup by watermark. Ledger calls run on the {@code ledger-io} worker pool,
 * never on an event loop; errors are RFC 9457 problem+json, 4xx for bad parameters.
 */
public final class LedgerRoutes {
  private static final Logger LOG = Logger.getLogger(LedgerRoutes.class.getName());
  private static final int WORKERS = 8;

  private final ProvenanceLedger ledger;
  private final WorkerExecutor workers;

  private LedgerRoutes(Vertx vertx, ProvenanceLedger ledger) {
    this.ledger = ledger;
    this.workers = vertx.createSharedWorkerExecutor("ledger-io", WORKERS);
  }

  /** A router with the ledger routes (paths start with {@code /v1/ledger/}). */
  public static Router create(Vertx vertx, ProvenanceLedger ledger) {
    Router router = Router.router(vertx);
    mount(router, vertx, ledger);
    return router;
  }

  /** Adds the ledger routes to {@code router}. */
  public static void mount(Router router, Vertx vertx, ProvenanceLedger ledger) {
    LedgerRoutes r = new LedgerRoutes(vertx, ledger);
    router.get("/v1/ledger/checkpoint").handler(r::checkpoint);
    router.get("/v1/ledger/entries/:index").handler(r::entry);
    router.get("/v1/ledger/proofs/inclusion").handler(r::inclusion);
    router.get("/v1/ledger/proofs/consistency").handler(r::consistency);
    router.get("/v1/ledger/lookup").handler(r::lookup);
  }

  private void checkpoint(RoutingContext ctx) {
    run(ctx, () -> ledger.latestCheckpoint().note())
        .onSuccess(
            note ->
                ctx.response()
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .putHeader("Cache-Control", "no-cache")
                    .end(note));
  }

  private void entry(RoutingContext ctx) {
    Long index = param(ctx, ctx.pathParam("index"), "index");
    if (index != null) {
      run(ctx, () -> entryJson(ledger.entry(index))).onSuccess(j -> json(ctx, j));
    }
  }

  private void inclusion(RoutingContext ctx) {
    Long index = param(ctx, ctx.queryParams().get("index"), "index");
    if (index == null) {
      return;
    }
    String sizeParam = ctx.queryParams().get("size");
    Long size = sizeParam == null ? Long.valueOf(-1) : param(ctx, sizeParam, "size");
    if (size == null) {
      return;
    }
    run(ctx, () -> inclusionJson(index, size)).onSuccess(j -> json(ctx, j));
  }

  private JsonObject inclusionJson(long index, long size) throws Exception {
    long treeSize = size < 0 ? ledger.latestCheckpoint().size() : size;
    InclusionProof p = ledger.inclusionProof(index, treeSize);
    return new JsonObject()
        .put("index", p.index())
        .put("treeSize", p.treeSize())
        .put("leafHash", b64(p.leafHash()))
        .put("hashes", hashes(p.hashes()));
  }

  private void consistency(RoutingContext ctx) {
    Long from = param(ctx, ctx.queryParams().get("from"), "from");
    Long to = from == null ? null : param(ctx, ctx.queryParams().get("to"), "to");
    if (to == null) {
      return;
    }
    run(ctx, () -> ledger.consistencyProof(from, to))
        .onSuccess(
            p ->
                json(
                    ctx,
                    new JsonObject()
                        .put("from", p.fromSize())
                        .put("to", p.toSize())
                        .put("hashes", hashes(p.hashes()))));
  }

  private void lookup(RoutingContext ctx) {
    String hex = ctx.queryParams().get("watermark");
    byte[] payload;
    try {
      if (hex == null || hex.isEmpty() || hex.length() > 64) {
        throw new IllegalArgumentException("missing");
      }
      payload = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      Problems.send(
          ctx, 400, "invalid_parameter", "Bad parameter", "watermark must be 1 to 32 bytes in hex");
      return;
    }
    run(
            ctx,
            () ->
                entryJson(
                    ledger
                        .findByWatermark(payload)
                        .orElseThrow(
                            () -> new LedgerNotFoundException("no record with this watermark"))))
        .onSuccess(j -> json(ctx, j));
  }

  static JsonObject entryJson(LedgerEntry e) {
    LedgerRecord r = e.record();
    HexFormat hex = HexFormat.of();
    JsonObject record =
        new JsonObject()
            .put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT))
            .put("id", r.id())
            .put("watermark", hex.formatHex(r.watermark()))
            .put("audioSha256", hex.formatHex(r.audioSha256()))
            .put("manifestHash", hex.formatHex(r.manifestHash()))
            .put("consentCommitment", hex.formatHex(r.consentCommitment()))
            .put("licensee", r.licensee())
            .put("engine", r.engine())
            .put("subject", r.subject())
            .put("detailHash", hex.formatHex(r.detailHash()))
            .put("time", r.time().toString());
    return new JsonObject()
        .put("index", e.index())
        .put("leafHash", b64(e.leafHash()))
        .put("data", b64(r.encode()))
        .put("record", record);
  }

  private <T> Future<T> run(RoutingContext ctx, Callable<T> call) {
    return workers.<T>executeBlocking(call, false).onFailure(err -> fail(ctx, err));
  }

  private static void fail(RoutingContext ctx, Throwable err) {
    if (err instanceof LedgerRangeException) {
      Problems.send(ctx, 400, "out_of_range", "Index or size out of range", err.getMessage());
    } else if (err instanceof LedgerNotFoundException) {
      Problems.send(ctx, 404, "not_found", "Not in the ledger", err.getMessage());
    } else if (err instanceof LedgerConflictException) {
      Problems.send(ctx, 409, "conflict", "Conflicting record", err.getMessage());
    } else if (err instanceof LedgerUnsupportedException) {
      Problems.send(ctx, 501, "not_supported", "Not offered by this ledger backend", null);
    } else if (err instanceof LedgerOverloadedException || err instanceof LedgerStorageException) {
      ctx.response().putHeader("Retry-After", "1");
      Problems.send(ctx, 503, "unavailable", "Ledger temporarily unavailable", null);
    } else {
      LOG.log(Level.WARNING, "ledger request failed", err);
      Problems.send(ctx, 500, "internal", "Internal error", "The error was logged.");
    }
  }

  private static Long param(RoutingContext ctx, String value, String name) {
    try {
      if (value != null && value.matches("0|[1-9][0-9]{0,18}")) {
        return Long.parseLong(value);
      }
    } catch (NumberFormatException e) {
      // falls through to the problem below
    }
    Problems.send(
        ctx,
        400,
        "invalid_parameter",
        "Bad parameter",
        name + " must be a non-negative decimal integer");
    return null;
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
  }

  private static JsonArray hashes(List<byte[]> hs) {
    JsonArray a = new JsonArray();
    hs.forEach(h -> a.add(b64(h)));
    return a;
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}

package org.voxproof.ledger.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.HexFormat;
import org.voxproof.http.ProblemMap;
import org.voxproof.http.Problems;
import org.voxproof.http.Responses;
import org.voxproof.http.ServiceRouter;
import org.voxproof.http.Workers;
import org.voxproof.ledger.LedgerConflictException;
import org.voxproof.ledger.LedgerJson;
import org.voxproof.ledger.LedgerNotFoundException;
import org.voxproof.ledger.LedgerOverloadedException;
import org.voxproof.ledger.LedgerRangeException;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.ledger.LedgerUnsupportedException;
import org.voxproof.ledger.ProvenanceLedger;

/**
 * Public, read-only ledger endpoints under {@code /v1/ledger/}: checkpoint, entries, inclusion and
 * consistency proofs, lookup by watermark. Ledger calls run on the {@code ledger-io} worker pool,
 * never on an event loop; the ledger's exceptions map to problems through {@link #PROBLEMS}.
 */
public final class LedgerRoutes {
  /** Threads of the shared {@code ledger-io} pool. */
  public static final int WORKERS = 8;

  /** How the ledger's exceptions map to problem+json. */
  public static final ProblemMap PROBLEMS =
      ProblemMap.builder()
          .map(LedgerRangeException.class, 400, "out_of_range", "Index or size out of range")
          .map(LedgerNotFoundException.class, 404, "not_found", "Not in the ledger")
          .map(LedgerConflictException.class, 409, "conflict", "Conflicting record")
          .mapQuietly(
              LedgerUnsupportedException.class,
              501,
              "not_supported",
              "Not offered by this ledger backend")
          .overloaded(
              LedgerOverloadedException.class,
              "Ledger temporarily unavailable",
              Duration.ofSeconds(1))
          .overloaded(
              LedgerStorageException.class, "Ledger temporarily unavailable", Duration.ofSeconds(1))
          .build();

  private final ProvenanceLedger ledger;
  private final Workers workers;

  private LedgerRoutes(ProvenanceLedger ledger, Workers workers) {
    this.ledger = ledger;
    this.workers = workers;
  }

  /** The ledger routes (paths start with {@code /v1/ledger/}) and their problem map. */
  public static ServiceRouter create(Vertx vertx, ProvenanceLedger ledger) {
    LedgerRoutes r = new LedgerRoutes(ledger, Workers.create(vertx, "ledger-io", WORKERS));
    ServiceRouter s = ServiceRouter.create(vertx, PROBLEMS);
    s.router().get("/v1/ledger/checkpoint").handler(r::checkpoint);
    s.router().get("/v1/ledger/entries/:index").handler(r::entry);
    s.router().get("/v1/ledger/proofs/inclusion").handler(r::inclusion);
    s.router().get("/v1/ledger/proofs/consistency").handler(r::consistency);
    s.router().get("/v1/ledger/lookup").handler(r::lookup);
    return s;
  }

  private void checkpoint(RoutingContext ctx) {
    workers
        .call(ctx, () -> ledger.latestCheckpoint().note())
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
      workers
          .call(ctx, () -> LedgerJson.entry(ledger.entry(index)))
          .onSuccess(j -> Responses.json(ctx, j));
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
    workers
        .call(
            ctx,
            () -> {
              long treeSize = size < 0 ? ledger.latestCheckpoint().size() : size;
              return LedgerJson.inclusionProof(ledger.inclusionProof(index, treeSize));
            })
        .onSuccess(j -> Responses.json(ctx, j));
  }

  private void consistency(RoutingContext ctx) {
    Long from = param(ctx, ctx.queryParams().get("from"), "from");
    Long to = from == null ? null : param(ctx, ctx.queryParams().get("to"), "to");
    if (to == null) {
      return;
    }
    workers
        .call(ctx, () -> LedgerJson.consistencyProof(ledger.consistencyProof(from, to)))
        .onSuccess(j -> Responses.json(ctx, j));
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
    workers
        .call(
            ctx,
            () ->
                LedgerJson.entry(
                    ledger
                        .findByWatermark(payload)
                        .orElseThrow(
                            () -> new LedgerNotFoundException("no record with this watermark"))))
        .onSuccess(j -> Responses.json(ctx, j));
  }

  private static Long param(RoutingContext ctx, String value, String name) {
    if (value != null && value.matches("0|[1-9][0-9]{0,18}")) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        // above Long.MAX_VALUE: the problem below
      }
    }
    Problems.send(
        ctx,
        400,
        "invalid_parameter",
        "Bad parameter",
        name + " must be a non-negative decimal integer");
    return null;
  }
}

package org.voxproof.detector.http;

import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.voxproof.detector.DetectorException;
import org.voxproof.detector.batch.BatchException;
import org.voxproof.http.ProblemMap;
import org.voxproof.http.Problems;
import org.voxproof.ledger.LedgerOverloadedException;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.ledger.LedgerUnavailableException;

/**
 * How the detector's failures become problem+json. A file that cannot be examined keeps its stable
 * reason from the audio module: {@code not_audio} and {@code unsupported_codec} are 415, {@code
 * too_large} and {@code too_long} 413, {@code truncated}, {@code header_lies} and {@code empty}
 * 422; a backing service that failed is 503 with {@code Retry-After} and its reason ({@code
 * ledger_unavailable}, {@code consent_unavailable}, else {@code unavailable}). Batch refusals keep
 * {@link BatchException.Reason}'s names: sizes 413, the rest 400.
 */
public final class DetectorProblems {
  /** Exceptions that reach the router's failure handler. */
  public static final ProblemMap PROBLEMS =
      ProblemMap.builder()
          .overloaded(
              LedgerOverloadedException.class,
              "Ledger temporarily unavailable",
              Duration.ofSeconds(1))
          .overloaded(
              LedgerStorageException.class, "Ledger temporarily unavailable", Duration.ofSeconds(1))
          // the ledger node of a scaled-out deployment (serve --only detector)
          .unavailable(
              LedgerUnavailableException.class,
              "ledger_unavailable",
              "Ledger unavailable",
              Duration.ofSeconds(1))
          .build();

  private static final Logger LOG = Logger.getLogger(DetectorProblems.class.getName());

  private DetectorProblems() {}

  /** The HTTP status of a detection failure. */
  public static int status(DetectorException e) {
    if (!e.clientFault()) {
      return 503;
    }
    return switch (e.reason()) {
      case "not_audio", "unsupported_codec" -> 415;
      case "too_large", "too_long" -> 413;
      default -> 422;
    };
  }

  /** Sends the problem of a detection failure (503 with {@code Retry-After: 1}). */
  public static void send(RoutingContext ctx, DetectorException e) {
    int status = status(e);
    if (status == 503) {
      ctx.response().putHeader("Retry-After", "1");
      // The reason names the failed backing service (ledger_unavailable, consent_unavailable), else
      // "unavailable"; what failed goes to the log only (our own message, nothing the client sent).
      LOG.info("detection unavailable: " + e.reason() + ": " + e.getMessage());
      Problems.send(
          ctx,
          Problems.problem(503, e.reason(), "Detector temporarily unavailable", null)
              .put("reasons", new JsonArray(List.of(e.reason()))));
      return;
    }
    Problems.refuse(ctx, status, e.reason(), title(status), List.of(e.reason()));
  }

  /** Sends the problem of a refused batch. */
  public static void send(RoutingContext ctx, BatchException e) {
    String r = e.reason().wire();
    int status =
        switch (e.reason()) {
          case TOO_MANY_FILES, FILE_TOO_LARGE, ARCHIVE_TOO_LARGE, COMPRESSION_RATIO -> 413;
          default -> 400;
        };
    ctx.response().putHeader("Cache-Control", "no-store");
    Problems.send(
        ctx,
        Problems.problem(status, r, "Batch refused", e.getMessage())
            .put("reasons", new JsonArray(List.of(r))));
  }

  private static String title(int status) {
    return switch (status) {
      case 415 -> "Not audio";
      case 413 -> "Too large";
      default -> "Audio cannot be examined";
    };
  }
}

package org.voxproof.synth.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import org.voxproof.http.Bodies;
import org.voxproof.http.ServiceRouter;
import org.voxproof.http.Workers;
import org.voxproof.http.auth.BearerAuth;
import org.voxproof.http.auth.Principal;
import org.voxproof.http.auth.Role;
import org.voxproof.synth.SynthesisRequest;
import org.voxproof.synth.SynthesisResult;
import org.voxproof.synth.Synthesizer;

/**
 * {@code POST /v1/synthesize} (licensee key): {@code {"text","consentToken","language","purpose",
 * "format"}} → 200 with the audio ({@code audio/wav}, {@code audio/mpeg} or {@code audio/flac}),
 * {@code X-VoxProof-Manifest-Id} and {@code X-VoxProof-Ledger-Index}. The body is parsed on the
 * event loop (at most {@link Bodies#JSON_LIMIT}); the consent token's verification and the whole
 * synthesis run on the {@code synth-work} worker pool. Refusals and failures are problem+json
 * ({@link SynthProblems}).
 *
 * <pre>{@code
 * ServiceRouter synth = SynthRoutes.create(vertx, synthesizer, consentVerifier::verify);
 * Router root = ApiRouter.create(vertx, auth, problems, List.of(ledger, synth));
 * }</pre>
 */
public final class SynthRoutes {
  /** The path, as DESIGN.md fixes it. */
  public static final String PATH = "/v1/synthesize";

  /** Response header: the manifest id (the ledger record's id). */
  public static final String MANIFEST_ID = "X-VoxProof-Manifest-Id";

  /** Response header: the ledger index of the synthesis record. */
  public static final String LEDGER_INDEX = "X-VoxProof-Ledger-Index";

  /** Default threads of the {@code synth-work} pool (engines mostly wait on their process). */
  public static final int WORKERS = 16;

  private final Synthesizer synth;
  private final ConsentCheck consents;
  private final Workers workers;
  private final boolean serverTiming;

  private SynthRoutes(Synthesizer synth, ConsentCheck consents, Workers workers, boolean timing) {
    this.synth = synth;
    this.consents = consents;
    this.workers = workers;
    this.serverTiming = timing;
  }

  /** The route on a {@code synth-work} pool of {@link #WORKERS} threads. */
  public static ServiceRouter create(Vertx vertx, Synthesizer synth, ConsentCheck consents) {
    return create(vertx, synth, consents, WORKERS, false);
  }

  /**
   * The route with {@code threads} workers; with {@code serverTiming}, responses carry a {@code
   * Server-Timing} header ({@code engine} and {@code synth} durations in ms) for benchmarks.
   */
  public static ServiceRouter create(
      Vertx vertx, Synthesizer synth, ConsentCheck consents, int threads, boolean serverTiming) {
    Objects.requireNonNull(synth, "synth");
    Objects.requireNonNull(consents, "consents");
    SynthRoutes r =
        new SynthRoutes(
            synth, consents, Workers.create(vertx, "synth-work", threads), serverTiming);
    ServiceRouter s = ServiceRouter.create(vertx, SynthProblems.MAP);
    s.router()
        .post(PATH)
        .handler(Bodies.limited(Bodies.JSON_LIMIT)) // Vert.x wants body handlers first
        .handler(BearerAuth.require(Role.LICENSEE))
        .handler(r::synthesize);
    return s;
  }

  private void synthesize(RoutingContext ctx) {
    Principal caller = BearerAuth.principal(ctx).orElseThrow();
    SynthesizeBody body;
    try {
      Buffer b = ctx.body().buffer();
      body = SynthesizeBody.parse(b == null ? new byte[0] : b.getBytes());
    } catch (Exception e) {
      SynthProblems.send(ctx, e);
      return;
    }
    SynthesisRequest request =
        new SynthesisRequest(
            org.voxproof.policy.Principal.licensee(caller.id(), caller.organisation()),
            body.text(),
            body.language(),
            body.purpose(),
            body.format(),
            Optional.empty());
    workers
        .call(
            () ->
                synth.synthesize(
                    consents.verify(body.consentToken(), caller.organisation()), request))
        .onSuccess(result -> send(ctx, result))
        .onFailure(e -> SynthProblems.send(ctx, e));
  }

  private void send(RoutingContext ctx, SynthesisResult r) {
    HttpServerResponse res = ctx.response();
    if (res.closed() || res.ended()) {
      return; // the client left; the synthesis is in the ledger as the owner's use all the same
    }
    res.setStatusCode(200)
        .putHeader("Content-Type", r.format().mediaType())
        .putHeader("Cache-Control", "no-store")
        .putHeader(MANIFEST_ID, r.manifestId().toString())
        .putHeader(LEDGER_INDEX, Long.toString(r.ledgerIndex()));
    if (serverTiming) {
      res.putHeader(
          "Server-Timing",
          String.format(
              java.util.Locale.ROOT,
              "engine;dur=%.3f, synth;dur=%.3f",
              r.timing().engineNanos() / 1e6,
              r.timing().totalNanos() / 1e6));
    }
    res.end(Buffer.buffer(r.audio()));
  }
}

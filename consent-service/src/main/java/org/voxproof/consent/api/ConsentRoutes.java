package org.voxproof.consent.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.voxproof.consent.store.ConsentRecord;
import org.voxproof.consent.store.StoreUnavailableException;
import org.voxproof.consent.token.ConsentClaims;
import org.voxproof.consent.token.StatusListToken;
import org.voxproof.consent.token.StatusReference;
import org.voxproof.consent.token.StatusUnavailableException;
import org.voxproof.http.Bodies;
import org.voxproof.http.ProblemMap;
import org.voxproof.http.Problems;
import org.voxproof.http.Responses;
import org.voxproof.http.ServiceRouter;
import org.voxproof.http.Workers;
import org.voxproof.http.auth.BearerAuth;
import org.voxproof.http.auth.Principal;
import org.voxproof.http.auth.Role;
import org.voxproof.ledger.LedgerUnavailableException;
import org.voxproof.ledger.http.LedgerRoutes;
import org.voxproof.storage.StorageUnavailableException;

/**
 * The consent service's HTTP API (DESIGN.md "HTTP API", "Fixed names"): enrolments, invitation
 * redemption, samples, challenges, spoken consent, consent records, revocation, erasure, uses, the
 * token keys and the signed status lists. Database work runs on the {@code consent-io} pool, audio
 * checks on {@code consent-checks}; refusals are problem+json (422 with {@code reasons} for failed
 * checks).
 */
public final class ConsentRoutes {
  /** Where erasures are published on the event bus (synth-service's ErasureSubscriber reads it). */
  public static final String ERASED_ADDRESS = "voxproof.voice.erased";

  /** How long a status list may be cached by verifiers (a revocation reaches them within it). */
  public static final Duration STATUS_TTL = Duration.ofSeconds(1);

  /** How the consent service's exceptions map (ConsentApiException is answered directly). */
  public static final ProblemMap PROBLEMS =
      ProblemMap.builder()
          .include(LedgerRoutes.PROBLEMS)
          .overloaded(StorageUnavailableException.class, "Storage busy", Duration.ofSeconds(1))
          .overloaded(StoreUnavailableException.class, "Storage busy", Duration.ofSeconds(1))
          .overloaded(StatusUnavailableException.class, "Status unavailable", Duration.ofSeconds(1))
          // the ledger node of a scaled-out deployment (serve --only consent)
          .unavailable(
              LedgerUnavailableException.class,
              "ledger_unavailable",
              "Ledger unavailable",
              Duration.ofSeconds(1))
          .build();

  /** Where the routes find the service (built late when the issuer is known only then). */
  @FunctionalInterface
  public interface Source {
    /**
     * @throws StatusUnavailableException while the service cannot be built yet (503)
     */
    ConsentService get() throws StatusUnavailableException;
  }

  private final Source source;
  private final Workers io;
  private final Workers checks;

  private ConsentRoutes(Source source, Workers io, Workers checks) {
    this.source = source;
    this.io = io;
    this.checks = checks;
  }

  /** The routes over {@code service}; erasures are also published on {@link #ERASED_ADDRESS}. */
  public static ServiceRouter create(Vertx vertx, ConsentService service) {
    service.onErasure(e -> publish(vertx, e));
    return create(vertx, () -> service, service.config().maxAudioBytes());
  }

  /**
   * The routes over a service found through {@code source} on each request (which publishes its
   * erasures itself: {@link #publisher}).
   */
  public static ServiceRouter create(Vertx vertx, Source source, long maxAudioBytes) {
    ConsentRoutes r =
        new ConsentRoutes(
            source,
            Workers.create(vertx, "consent-io", 8),
            Workers.create(vertx, "consent-checks", 2));
    ServiceRouter s = ServiceRouter.create(vertx, PROBLEMS);
    Router router = s.router();
    long audio = maxAudioBytes;
    router
        .post("/v1/enrollments")
        .handler(Bodies.limited(Bodies.JSON_LIMIT))
        .handler(BearerAuth.require(Role.LICENSEE))
        .handler(json(true))
        .handler(r::enrol);
    router
        .post("/v1/enrollments/:id/owner")
        .handler(BearerAuth.require(Role.INVITEE))
        .handler(r::redeem);
    router
        .post("/v1/enrollments/:id/samples")
        .handler(Bodies.limited(audio))
        .handler(BearerAuth.require(Role.OWNER))
        .handler(ConsentRoutes::audio)
        .handler(r::sample);
    router
        .post("/v1/enrollments/:id/challenge")
        .handler(Bodies.limited(Bodies.JSON_LIMIT))
        .handler(BearerAuth.require(Role.OWNER))
        .handler(json(false))
        .handler(r::challenge);
    router
        .post("/v1/enrollments/:id/consent")
        .handler(Bodies.limited(audio))
        .handler(BearerAuth.require(Role.OWNER))
        .handler(ConsentRoutes::audio)
        .handler(r::consent);
    router.post("/v1/enrollments/:id/recovery/challenge").handler(r::recoveryChallenge);
    router
        .post("/v1/enrollments/:id/recovery")
        .handler(Bodies.limited(audio))
        .handler(ConsentRoutes::audio)
        .handler(r::recover);
    router
        .get("/v1/enrollments/:id")
        .handler(BearerAuth.require(Role.LICENSEE, Role.OWNER))
        .handler(r::view);
    router
        .get("/v1/consents/:id")
        .handler(BearerAuth.require(Role.LICENSEE, Role.OWNER))
        .handler(r::consentRecord);
    router
        .post("/v1/consents/:id/revoke")
        .handler(BearerAuth.require(Role.OWNER))
        .handler(r::revoke);
    router.delete("/v1/voices/:voiceId").handler(BearerAuth.require(Role.OWNER)).handler(r::erase);
    router.get("/v1/voices/:voiceId/uses").handler(BearerAuth.require(Role.OWNER)).handler(r::uses);
    router.get(ConsentClaims.JWKS_PATH).handler(r::jwks);
    router.get(ConsentClaims.STATUS_LIST_PATH + ":n").handler(r::statusList);
    return s;
  }

  /** A listener publishing erasures on {@link #ERASED_ADDRESS} (for synth's model registry). */
  public static VoiceErased.Listener publisher(Vertx vertx) {
    return e -> publish(vertx, e);
  }

  private static void publish(Vertx vertx, VoiceErased e) {
    List<JsonObject> messages = new ArrayList<>();
    for (int i = 0; i < e.commitments().size(); i++) {
      messages.add(
          new JsonObject()
              .put("eventId", e.eventId() + "." + i)
              .put("voiceId", e.voiceId())
              .put("commitment", e.commitments().get(i)));
    }
    if (messages.isEmpty()) {
      messages.add(new JsonObject().put("eventId", e.eventId()).put("voiceId", e.voiceId()));
    }
    messages.forEach(m -> vertx.eventBus().publish(ERASED_ADDRESS, m));
  }

  // ---- handlers

  private void enrol(RoutingContext ctx) {
    Principal p = principal(ctx);
    run(
        ctx,
        io,
        () -> {
          JsonObject b = body(ctx, true);
          return service()
              .enrol(
                  p,
                  string(b, "ownerName"),
                  strings(b, "purposes"),
                  strings(b, "languages"),
                  integer(b, "validDays"));
        },
        st ->
            noStore(ctx)
                .json(
                    201,
                    new JsonObject()
                        .put("id", st.id())
                        .put("invitation", st.invitation())
                        .put("consentUrl", st.consentUrl())));
  }

  private void redeem(RoutingContext ctx) {
    Principal p = principal(ctx);
    String invitation = bearer(ctx);
    run(
        ctx,
        io,
        () -> service().redeem(p, ctx.pathParam("id"), invitation),
        secret -> noStore(ctx).json(201, new JsonObject().put("ownerSecret", secret)));
  }

  private void sample(RoutingContext ctx) {
    Principal p = principal(ctx);
    byte[] audio = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    run(
        ctx,
        checks,
        () -> service().addSample(p, ctx.pathParam("id"), audio),
        s ->
            noStore(ctx)
                .json(
                    201,
                    new JsonObject()
                        .put("sampleId", s.sampleId())
                        .put("durationSeconds", s.durationSeconds())));
  }

  private void challenge(RoutingContext ctx) {
    Principal p = principal(ctx);
    run(
        ctx,
        io,
        () -> {
          JsonObject b = body(ctx, false);
          String language = b == null ? null : optionalString(b, "language");
          return service().challenge(p, ctx.pathParam("id"), language);
        },
        c ->
            noStore(ctx)
                .json(
                    201,
                    new JsonObject()
                        .put("phrase", c.phrase())
                        .put("expiresAt", c.expiresAt().toString())));
  }

  private void consent(RoutingContext ctx) {
    Principal p = principal(ctx);
    byte[] audio = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    run(
        ctx,
        checks,
        () -> service().consent(p, ctx.pathParam("id"), audio),
        g ->
            noStore(ctx)
                .json(
                    201,
                    new JsonObject()
                        .put("consentId", g.consentId())
                        .put("voiceId", g.voiceId())
                        .put("token", g.token())));
  }

  private void recoveryChallenge(RoutingContext ctx) {
    run(
        ctx,
        io,
        () -> service().recovery().challenge(ctx.pathParam("id")),
        c ->
            noStore(ctx)
                .json(
                    201,
                    new JsonObject()
                        .put("phrase", c.phrase())
                        .put("expiresAt", c.expiresAt().toString())));
  }

  private void recover(RoutingContext ctx) {
    byte[] audio = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    run(
        ctx,
        checks,
        () -> service().recovery().recover(ctx.pathParam("id"), audio),
        secret -> noStore(ctx).json(201, new JsonObject().put("ownerSecret", secret)));
  }

  private void view(RoutingContext ctx) {
    Principal p = principal(ctx);
    run(
        ctx,
        io,
        () -> service().view(p, ctx.pathParam("id")),
        v -> {
          JsonObject j =
              new JsonObject().put("id", v.enrolment().id()).put("status", v.enrolment().status());
          v.consent()
              .ifPresent(
                  c ->
                      j.put("consentId", c.id())
                          .put("voiceId", c.voiceId())
                          .put("token", c.token()));
          noStore(ctx).json(200, j);
        });
  }

  private void consentRecord(RoutingContext ctx) {
    Principal p = principal(ctx);
    run(
        ctx,
        io,
        () -> {
          ConsentRecord rec = service().consentRecord(p, ctx.pathParam("id"));
          return new RecordView(rec, service().statusLists().reference(rec.statusIndex()));
        },
        v -> {
          ConsentRecord c = v.record();
          StatusReference ref = v.ref();
          JsonObject j =
              new JsonObject()
                  .put("consentId", c.id())
                  .put("enrollmentId", c.enrolmentId())
                  .put("voiceId", c.voiceId())
                  .put("licensee", c.licenseeOrg())
                  .put("status", c.status(Instant.now()))
                  .put("assurance", c.assurance())
                  .put("commitment", c.commitmentHex())
                  .put("createdAt", c.created().toString())
                  .put("expiresAt", c.expires().toString())
                  .put(
                      "statusList", new JsonObject().put("idx", ref.index()).put("uri", ref.uri()));
          if (c.revoked() != null) {
            j.put("revokedAt", c.revoked().toString());
          }
          noStore(ctx).json(200, j);
        });
  }

  private record RecordView(ConsentRecord record, StatusReference ref) {}

  private void revoke(RoutingContext ctx) {
    Principal p = principal(ctx);
    run(
        ctx,
        io,
        () -> service().afterwards().revoke(p, ctx.pathParam("id")),
        d ->
            noStore(ctx)
                .json(
                    200,
                    new JsonObject()
                        .put("consentId", d.id())
                        .put("status", "revoked")
                        .put("receipt", d.receipt())));
  }

  private void erase(RoutingContext ctx) {
    Principal p = principal(ctx);
    run(
        ctx,
        io,
        () -> service().afterwards().erase(p, ctx.pathParam("voiceId")),
        d ->
            noStore(ctx)
                .json(
                    200,
                    new JsonObject()
                        .put("voiceId", d.id())
                        .put("status", "erased")
                        .put("receipt", d.receipt())));
  }

  private void uses(RoutingContext ctx) {
    Principal p = principal(ctx);
    run(
        ctx,
        io,
        () -> service().afterwards().uses(p, ctx.pathParam("voiceId")),
        list -> {
          JsonArray a = new JsonArray();
          for (ConsentAfterwards.Use u : list) {
            a.add(
                new JsonObject()
                    .put("time", u.time().toString())
                    .put("licensee", u.licensee())
                    .put("purpose", u.purpose())
                    .put("manifestId", u.manifestId())
                    .put("ledgerIndex", u.ledgerIndex())
                    .put("consentId", u.consentId()));
          }
          noStore(ctx)
              .json(200, new JsonObject().put("voiceId", ctx.pathParam("voiceId")).put("uses", a));
        });
  }

  private void jwks(RoutingContext ctx) {
    run(
        ctx,
        io,
        () -> service().ring.tokenKeys().publicJwkSet().toString(true),
        s ->
            ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "max-age=60")
                .end(s));
  }

  private void statusList(RoutingContext ctx) {
    String n = ctx.pathParam("n");
    run(
        ctx,
        io,
        () -> {
          if (n == null
              || !n.matches("[1-9][0-9]{0,8}")
              || Integer.parseInt(n) > service().statusLists().lists()) {
            throw ConsentApiException.notFound("no such status list");
          }
          int k = Integer.parseInt(n);
          String uri = service().config().issuer() + ConsentClaims.STATUS_LIST_PATH + k;
          return StatusListToken.sign(
              service().ring.tokenKeys(),
              service().config().issuer(),
              uri,
              service().statusLists().list(k),
              Instant.now(),
              STATUS_TTL,
              Duration.ofMinutes(10));
        },
        jwt ->
            ctx.response()
                .putHeader("Content-Type", ConsentClaims.STATUS_LIST_MEDIA_TYPE)
                .putHeader("Cache-Control", "max-age=" + STATUS_TTL.toSeconds())
                .end(jwt));
  }

  // ---- plumbing

  private ConsentService service() throws StatusUnavailableException {
    return source.get();
  }

  /** Runs blocking work; a refusal becomes its problem, anything else the failure handler's. */
  private static <T> void run(
      RoutingContext ctx, Workers pool, Callable<T> task, Consumer<T> onSuccess) {
    Future<T> f = pool.call(task);
    f.onSuccess(onSuccess::accept)
        .onFailure(
            err -> {
              if (err instanceof ConsentApiException e) {
                JsonObject problem =
                    Problems.problem(e.status(), e.code(), title(e), e.getMessage());
                if (!e.reasons().isEmpty()) {
                  problem.put("reasons", new JsonArray(e.reasons()));
                }
                Problems.send(ctx, problem);
              } else {
                ctx.fail(err);
              }
            });
  }

  private static String title(ConsentApiException e) {
    return switch (e.status()) {
      case 400 -> "Bad request";
      case 404 -> "Not found";
      case 409 -> "Conflict";
      case 422 -> "Refused";
      default -> "Error";
    };
  }

  private static Principal principal(RoutingContext ctx) {
    return BearerAuth.principal(ctx).orElseThrow();
  }

  private static String bearer(RoutingContext ctx) {
    String h = ctx.request().getHeader("Authorization");
    return h.substring(h.indexOf(' ') + 1).strip();
  }

  private static Resp noStore(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    return (status, body) -> Responses.json(ctx, status, body);
  }

  @FunctionalInterface
  private interface Resp {
    void json(int status, JsonObject body);
  }

  private static String mediaType(RoutingContext ctx) {
    String ct = ctx.request().getHeader("Content-Type");
    return ct == null ? "" : ct.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  /** Lets JSON through (or, when not {@code required}, no body); 415 otherwise. */
  private static Handler<RoutingContext> json(boolean required) {
    return ctx -> {
      boolean empty = ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() <= 0;
      if (mediaType(ctx).equals("application/json") || (!required && empty)) {
        ctx.next();
      } else {
        Problems.send(
            ctx, 415, "unsupported_media_type", "Unsupported media type", "Send application/json.");
      }
    };
  }

  /** Lets audio through ({@code audio/*} or {@code application/octet-stream}); 415 otherwise. */
  private static void audio(RoutingContext ctx) {
    String t = mediaType(ctx);
    if (t.startsWith("audio/") || t.equals("application/octet-stream")) {
      ctx.next();
    } else {
      Problems.send(
          ctx,
          415,
          "unsupported_media_type",
          "Unsupported media type",
          "Send the recording as audio/wav (or another audio/* type).");
    }
  }

  private static JsonObject body(RoutingContext ctx, boolean required) throws ConsentApiException {
    var b = ctx.body();
    if (b == null || b.buffer() == null || b.length() == 0) {
      if (required) {
        throw ConsentApiException.badRequest("a JSON object is required");
      }
      return null;
    }
    try {
      Object v = Json.decodeValue(b.buffer());
      if (v instanceof JsonObject o) {
        return o;
      }
    } catch (RuntimeException e) {
      throw ConsentApiException.badRequest("the body is not valid JSON");
    }
    throw ConsentApiException.badRequest("the body must be a JSON object");
  }

  private static String string(JsonObject b, String name) throws ConsentApiException {
    String s = optionalString(b, name);
    if (s == null) {
      throw ConsentApiException.badRequest(name + " is required");
    }
    return s;
  }

  private static String optionalString(JsonObject b, String name) throws ConsentApiException {
    Object v = b.getValue(name);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw ConsentApiException.badRequest(name + " must be a string");
  }

  private static List<String> strings(JsonObject b, String name) throws ConsentApiException {
    if (!(b.getValue(name) instanceof JsonArray a)) {
      throw ConsentApiException.badRequest(name + " must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object o : a) {
      if (!(o instanceof String s)) {
        throw ConsentApiException.badRequest(name + " must be an array of strings");
      }
      out.add(s);
    }
    return out;
  }

  private static int integer(JsonObject b, String name) throws ConsentApiException {
    Object v = b.getValue(name);
    if (v instanceof Integer i) {
      return i;
    }
    if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return (int) (long) l;
    }
    throw ConsentApiException.badRequest(name + " must be an integer");
  }
}

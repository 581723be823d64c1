package org.voxproof.synth.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.voxproof.consent.token.ConsentExpiredException;
import org.voxproof.consent.token.ConsentRevokedException;
import org.voxproof.consent.token.ConsentTokenException;
import org.voxproof.consent.token.InvalidTokenException;
import org.voxproof.consent.token.OutOfScopeException;
import org.voxproof.consent.token.StatusUnavailableException;
import org.voxproof.http.ProblemMap;
import org.voxproof.http.Problems;
import org.voxproof.synth.InvalidSynthesisRequestException;
import org.voxproof.synth.ProvenanceStepException;
import org.voxproof.synth.SynthException;
import org.voxproof.synth.SynthesisRefusedException;
import org.voxproof.synth.engine.EngineException;

/**
 * How synthesis failures become RFC 9457 problems. Refusals carry their stable {@code reasons}; the
 * problem {@code type} ends in the first of them. Consent tokens: 403 {@code invalid_token}, {@code
 * consent_expired}, {@code consent_revoked}, {@code out_of_scope}; status unreadable: 503 {@code
 * consent_unavailable}. Synthesis: 400 for the request ({@code text_empty}, {@code text_too_long},
 * ...), 403/429 for policy ({@code Retry-After} on 429), 503 + {@code Retry-After} for the engine
 * and the provenance steps (nothing was released). Anything else goes to the router's {@link
 * org.voxproof.http.FailureHandler} (a logged, generic 500).
 */
final class SynthProblems {
  private static final Logger LOG = Logger.getLogger(SynthProblems.class.getName());

  /** How long a client waits after a 503 before retrying. */
  static final Duration RETRY_AFTER_UNAVAILABLE = Duration.ofSeconds(5);

  /**
   * The fixed mappings for the shared failure handler (used when one of these reaches it without
   * passing {@link #send}: each type's most common status and reason).
   */
  static final ProblemMap MAP =
      ProblemMap.builder()
          .map(InvalidTokenException.class, 403, "invalid_token", "Consent token not accepted")
          .map(ConsentExpiredException.class, 403, "consent_expired", "Consent expired")
          .map(ConsentRevokedException.class, 403, "consent_revoked", "Consent revoked")
          .map(OutOfScopeException.class, 403, "out_of_scope", "Outside the consent")
          .overloaded(
              StatusUnavailableException.class,
              "Consent status unavailable",
              RETRY_AFTER_UNAVAILABLE)
          .map(InvalidSynthesisRequestException.class, 400, "bad_request", "Bad request")
          .overloaded(EngineException.class, "Synthesis unavailable", RETRY_AFTER_UNAVAILABLE)
          .overloaded(
              ProvenanceStepException.class, "Synthesis unavailable", RETRY_AFTER_UNAVAILABLE)
          .build();

  private SynthProblems() {}

  /** The problem for {@code error}, or empty when the failure handler should take it. */
  static Optional<Problem> of(Throwable error) {
    if (error instanceof InvalidTokenException) {
      // The verifier's message may describe how parsing failed; a forger learns nothing from us.
      return Optional.of(refusal(403, "invalid_token", "Consent token not accepted", null));
    }
    if (error instanceof ConsentTokenException e) {
      return Optional.of(refusal(403, e.code(), title(e.code()), e.getMessage()));
    }
    if (error instanceof StatusUnavailableException) {
      return Optional.of(
          unavailable("consent_unavailable", "Consent status unavailable", "Try again later."));
    }
    if (error instanceof SynthesisRefusedException e) {
      Problem p = refusal(e.httpStatus(), e.reasons(), title(e.reason()), e.getMessage());
      return Optional.of(
          e.retryAfterSeconds().isPresent()
              ? p.withRetryAfter(Math.max(1, e.retryAfterSeconds().getAsLong()))
              : p);
    }
    if (error instanceof InvalidSynthesisRequestException e) {
      return Optional.of(refusal(400, e.reason(), "Bad request", e.getMessage()));
    }
    if (error instanceof EngineException || error instanceof ProvenanceStepException) {
      SynthException e = (SynthException) error;
      LOG.info("synthesis unavailable: " + e.reason());
      return Optional.of(
          unavailable(e.reason(), "Synthesis unavailable", "Nothing was released; try again."));
    }
    return Optional.empty();
  }

  /** Sends the problem of {@code error}, or fails the context for the failure handler. */
  static void send(RoutingContext ctx, Throwable error) {
    Optional<Problem> p = of(error);
    if (p.isEmpty()) {
      ctx.fail(error);
      return;
    }
    if (p.get().retryAfterSeconds() > 0) {
      ctx.response().putHeader("Retry-After", Long.toString(p.get().retryAfterSeconds()));
    }
    Problems.send(ctx, p.get().body());
  }

  /**
   * One problem.
   *
   * @param body the problem+json object
   * @param retryAfterSeconds the {@code Retry-After} value, 0 for none
   */
  record Problem(JsonObject body, long retryAfterSeconds) {
    Problem withRetryAfter(long seconds) {
      return new Problem(body, seconds);
    }

    int status() {
      return body.getInteger("status");
    }
  }

  private static Problem refusal(int status, String reason, String title, String detail) {
    return refusal(status, List.of(reason), title, detail);
  }

  private static Problem refusal(int status, List<String> reasons, String title, String detail) {
    JsonObject body =
        Problems.problem(status, reasons.get(0), title, detail)
            .put("reasons", new JsonArray(List.copyOf(reasons)));
    return new Problem(body, 0);
  }

  private static Problem unavailable(String reason, String title, String detail) {
    return refusal(503, reason, title, detail).withRetryAfter(RETRY_AFTER_UNAVAILABLE.toSeconds());
  }

  private static String title(String reason) {
    return switch (reason) {
      case "consent_expired" -> "Consent expired";
      case "consent_revoked" -> "Consent revoked";
      case "out_of_scope" -> "Outside the consent";
      case "rate_limited" -> "Too many requests";
      case "quota_exceeded" -> "Daily quota exceeded";
      default -> "Refused by policy";
    };
  }
}

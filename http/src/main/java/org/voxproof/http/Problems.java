package org.voxproof.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * RFC 9457 problem details. Every error response of every service goes through here, so each
 * carries a stable {@code type} URI that clients can switch on: {@code TYPE_BASE + reason}.
 */
public final class Problems {
  /** Base of every problem {@code type}; the last path segment is the stable reason. */
  public static final String TYPE_BASE = "https://voxproof.org/problems/";

  public static final String CONTENT_TYPE = "application/problem+json";

  /**
   * Routing-context key of the problem a request was answered with (for the request observer's
   * refusal counts and access log).
   */
  public static final String SENT = "voxproof.problem";

  private Problems() {}

  /**
   * SPEC: RFC 9457 §3.1: builds a problem object; {@code reason} becomes the last segment of {@code
   * type}; {@code detail} is left out when null.
   */
  public static JsonObject problem(int status, String reason, String title, String detail) {
    JsonObject p =
        new JsonObject().put("type", TYPE_BASE + reason).put("title", title).put("status", status);
    if (detail != null) {
      p.put("detail", detail);
    }
    return p;
  }

  /** Sends a problem response and ends the exchange. */
  public static void send(
      RoutingContext ctx, int status, String reason, String title, String detail) {
    send(ctx, problem(status, reason, title, detail));
  }

  /** Sends a refusal that lists machine-readable {@code reasons} (RFC 9457 §3.2 extension). */
  public static void refuse(
      RoutingContext ctx, int status, String reason, String title, List<String> reasons) {
    send(
        ctx,
        problem(status, reason, title, null).put("reasons", new JsonArray(List.copyOf(reasons))));
  }

  /** Sends {@code problem} unless a response was already sent. */
  public static void send(RoutingContext ctx, JsonObject problem) {
    if (!ctx.response().ended() && !ctx.response().headWritten()) {
      ctx.put(SENT, problem);
    }
    send(ctx.response(), problem);
  }

  /** Sends {@code problem} on a bare response (also before any router ran). */
  public static void send(HttpServerResponse response, JsonObject problem) {
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      // The status line is gone; the only honest signal left is to cut the response.
      response.reset();
      return;
    }
    response
        .setStatusCode(problem.getInteger("status"))
        .putHeader("Content-Type", CONTENT_TYPE)
        .putHeader("Cache-Control", "no-store")
        .end(problem.encode());
  }
}

package org.voxproof.app.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * RFC 9457 problem details. Every error the HTTP API returns goes through here, so each carries a
 * stable {@code type} URI that clients can switch on.
 */
public final class Problems {
  /** Base of every problem {@code type}; the last path segment is the stable reason. */
  public static final String TYPE_BASE = "https://voxproof.org/problems/";

  public static final String CONTENT_TYPE = "application/problem+json";

  private Problems() {}

  /** Builds a problem object; {@code reason} becomes the last segment of {@code type}. */
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

  /** Sends a refusal that lists machine-readable {@code reasons}. */
  public static void refuse(
      RoutingContext ctx, int status, String reason, String title, List<String> reasons) {
    send(
        ctx,
        problem(status, reason, title, null).put("reasons", new JsonArray(List.copyOf(reasons))));
  }

  public static void send(RoutingContext ctx, JsonObject problem) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
        .setStatusCode(problem.getInteger("status"))
        .putHeader("Content-Type", CONTENT_TYPE)
        .putHeader("Cache-Control", "no-store")
        .end(problem.encode());
  }
}

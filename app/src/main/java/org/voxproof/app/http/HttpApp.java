package org.voxproof.app.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one-process HTTP surface: health, the mounted service routers, and the single failure handler
 * that maps anything unhandled to problem+json (a 4xx where the client is at fault, and a generic
 * 500 that never leaks internals).
 */
public final class HttpApp {
  private static final Logger LOG = Logger.getLogger(HttpApp.class.getName());

  private HttpApp() {}

  /** A router with {@code /health} and the error mapping; services mount their routes on it. */
  public static Router baseRouter(Vertx vertx) {
    Router router = Router.router(vertx);
    router
        .get("/health")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("status", "up").encode()));
    router.errorHandler(404, ctx -> notFound(ctx));
    router.errorHandler(
        405, ctx -> Problems.send(ctx, 405, "method_not_allowed", "Method not allowed", null));
    router.route().failureHandler(HttpApp::failure);
    return router;
  }

  private static void notFound(RoutingContext ctx) {
    Problems.send(ctx, 404, "not_found", "Not found", "No resource at " + ctx.normalizedPath());
  }

  /** Stable reasons for client errors raised by Vert.x itself (body limits, routing). */
  static String clientReason(int status) {
    return switch (status) {
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "too_large";
      case 415 -> "unsupported_media_type";
      case 429 -> "rate_limited";
      default -> "bad_request";
    };
  }

  private static void failure(RoutingContext ctx) {
    int status = ctx.statusCode();
    if (status >= 400 && status < 500) {
      Problems.send(ctx, status, clientReason(status), "Request refused", null);
      return;
    }
    LOG.log(Level.WARNING, "unhandled failure on " + ctx.normalizedPath(), ctx.failure());
    Problems.send(ctx, 500, "internal", "Internal error", "The error was logged.");
  }
}

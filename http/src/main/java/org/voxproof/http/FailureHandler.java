package org.voxproof.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voxproof.http.observe.RequestObserver;

/**
 * The one failure handler of a router: a registered exception becomes its problem (see {@link
 * ProblemMap}); a client error raised by Vert.x itself (body too large, bad path) keeps its status
 * with a stable reason; anything else is a logged, generic 500 that never leaks internals. Client
 * input never produces a stack trace in the log.
 */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = Logger.getLogger(FailureHandler.class.getName());

  private final ProblemMap problems;

  private FailureHandler(ProblemMap problems) {
    this.problems = problems;
  }

  /** A handler for {@code router.route().failureHandler(...)}. */
  public static FailureHandler create(ProblemMap problems) {
    return new FailureHandler(Objects.requireNonNull(problems));
  }

  @Override
  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof HttpClosedException || ctx.response().closed()) {
      // The client went away (or a protocol error closed the connection): nobody to answer.
      LOG.fine("request abandoned: connection closed");
      return;
    }
    if (failure != null) {
      var mapping = problems.find(failure);
      if (mapping.isPresent()) {
        send(ctx, mapping.get(), failure);
        return;
      }
    }
    int status = statusOf(ctx, failure);
    if (status >= 400 && status < 500) {
      Problems.send(ctx, status, ClientErrors.reason(status), ClientErrors.title(status), null);
      return;
    }
    String id = RequestObserver.requestId(ctx);
    LOG.log(
        Level.WARNING,
        "unhandled failure on " + route(ctx) + (id == null ? "" : " (request " + id + ")"),
        failure);
    Problems.send(ctx, 500, "internal", "Internal error", "The error was logged.");
  }

  /** The route's pattern, never the client's path (which may be anything). */
  private static String route(RoutingContext ctx) {
    var r = ctx.currentRoute();
    return ctx.request().method() + " " + (r == null || r.getPath() == null ? "?" : r.getPath());
  }

  private static int statusOf(RoutingContext ctx, Throwable failure) {
    if (failure instanceof HttpException e) {
      return e.getStatusCode();
    }
    return ctx.statusCode();
  }

  private static void send(RoutingContext ctx, ProblemMap.Mapping m, Throwable failure) {
    if (m.retryAfter() != null) {
      ctx.response()
          .putHeader("Retry-After", Long.toString(Math.max(1, m.retryAfter().toSeconds())));
    }
    if (m.status() >= 500) {
      LOG.log(Level.INFO, m.reason() + " (" + m.status() + "): " + failure);
    }
    String detail = m.showDetail() ? failure.getMessage() : null;
    Problems.send(ctx, m.status(), m.reason(), m.title(), detail);
  }
}

package org.voxproof.app.server;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.voxproof.http.ProblemMap;
import org.voxproof.http.Problems;
import org.voxproof.http.Responses;
import org.voxproof.http.ServiceRouter;
import org.voxproof.http.Workers;
import org.voxproof.http.auth.BearerAuth;
import org.voxproof.http.auth.Role;
import org.voxproof.http.observe.Metrics;

/**
 * The operator's routes: {@code GET /ready} (200 once the ledger, the database and the key ring
 * answer and the server accepts; 503 {@code not_ready} before and while shutting down, with the
 * parts that did not answer in {@code reasons}) and {@code GET /metrics} (Prometheus text; open on
 * a loopback bind or with {@code --public-metrics}, else an operator key).
 */
final class OpsRoutes {
  private OpsRoutes() {}

  static ServiceRouter create(
      Vertx vertx, Readiness readiness, Metrics metrics, boolean metricsOpen, Workers workers) {
    ServiceRouter s = ServiceRouter.create(vertx, ProblemMap.empty());
    s.router()
        .get("/ready")
        .handler(ctx -> workers.call(ctx, readiness::failing).onSuccess(f -> ready(ctx, f)));
    var metricsRoute = s.router().get("/metrics");
    if (!metricsOpen) {
      metricsRoute.handler(BearerAuth.require(Role.OPERATOR));
    }
    metricsRoute.handler(
        ctx ->
            workers
                .call(ctx, metrics::scrape)
                .onSuccess(
                    text ->
                        ctx.response()
                            .putHeader("Content-Type", Metrics.CONTENT_TYPE)
                            .putHeader("Cache-Control", "no-store")
                            .end(text)));
    return s;
  }

  private static void ready(RoutingContext ctx, List<String> failing) {
    ctx.response().putHeader("Cache-Control", "no-store");
    if (failing.isEmpty()) {
      Responses.json(ctx, new JsonObject().put("status", "ready"));
      return;
    }
    ctx.response().putHeader("Retry-After", "1");
    Problems.refuse(ctx, 503, "not_ready", "Not ready", failing);
  }
}

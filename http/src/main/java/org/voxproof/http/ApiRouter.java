package org.voxproof.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.voxproof.http.openapi.OpenApi;

/**
 * The root router of a process: {@code GET /health} (no credentials), one authentication handler in
 * front of every mounted service, the services' routes, and problem+json for what none of them
 * matches (404, 405) or handles.
 *
 * <p>One failure handler sits at the root, before the mounts, with every service's {@link
 * ProblemMap} plus {@code problems} (failures outside the services, such as the authentication
 * store): Vert.x routes a failure from the root again, so a failure handler inside a mounted router
 * would also catch the other services' failures.
 *
 * <pre>{@code
 * Router root = ApiRouter.create(vertx, auth, problems, List.of(LedgerRoutes.create(...)));
 * }</pre>
 */
public final class ApiRouter {
  private ApiRouter() {}

  /**
   * @param auth the authentication handler run before every service route (null: none)
   * @param problems how failures outside the services map to problems
   * @param services the services, each with absolute paths; tried in order
   */
  public static Router create(
      Vertx vertx,
      Handler<RoutingContext> auth,
      ProblemMap problems,
      List<ServiceRouter> services) {
    return create(vertx, auth, problems, services, null);
  }

  /**
   * As {@link #create(Vertx, Handler, ProblemMap, List)}, also serving {@code api}'s document at
   * {@code /openapi.yaml} (no credentials) and validating every request it describes (after
   * authentication, before the services).
   *
   * @param api the OpenAPI document (null: none)
   */
  public static Router create(
      Vertx vertx,
      Handler<RoutingContext> auth,
      ProblemMap problems,
      List<ServiceRouter> services,
      OpenApi api) {
    ProblemMap.Builder all = ProblemMap.builder();
    services.forEach(s -> all.include(s.problems()));
    all.include(problems);
    Router router = Router.router(vertx);
    router.route().failureHandler(FailureHandler.create(all.build()));
    router.get("/health").handler(ApiRouter::health);
    if (api != null) {
      api.serveOn(router);
    }
    if (auth != null) {
      router.route().handler(auth);
    }
    if (api != null) {
      api.validateOn(router);
    }
    for (ServiceRouter service : services) {
      router.route("/*").subRouter(service.router());
    }
    router.errorHandler(
        404, ctx -> Problems.send(ctx, 404, "not_found", "Not found", "No resource at this path."));
    router.errorHandler(
        405, ctx -> Problems.send(ctx, 405, "method_not_allowed", "Method not allowed", null));
    return router;
  }

  private static void health(RoutingContext ctx) {
    Responses.json(ctx, new JsonObject().put("status", "up"));
  }
}

package org.voxproof.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.Objects;

/**
 * What a service hands to the app: its routes (absolute paths) and how its exceptions map to
 * problems. The router carries a {@link FailureHandler} with {@code problems}, so it also serves
 * alone; mounted by {@link ApiRouter}, the root's failure handler applies the same map.
 *
 * <pre>{@code
 * ServiceRouter s = ServiceRouter.create(vertx, LEDGER_PROBLEMS);
 * s.router().get("/v1/ledger/checkpoint").handler(...);
 * }</pre>
 */
public record ServiceRouter(Router router, ProblemMap problems) {
  public ServiceRouter {
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(problems, "problems");
  }

  /** A new router with its failure handler installed; add the service's routes to it. */
  public static ServiceRouter create(Vertx vertx, ProblemMap problems) {
    Router router = Router.router(vertx);
    router.route().failureHandler(FailureHandler.create(problems));
    return new ServiceRouter(router, problems);
  }
}

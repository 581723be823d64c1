package org.voxproof.http.auth;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.voxproof.http.Problems;
import org.voxproof.http.Workers;

/**
 * Bearer authentication for every route of the app (RFC 6750): a request without {@code
 * Authorization} goes on anonymously (public routes serve it, {@link #require} refuses it); a
 * request with one must carry a secret that a registered {@link BearerResolver} accepts, else 401
 * at once. The secret is resolved on every request (on a worker pool), so a key revoked or expired
 * a moment ago, also by another process, is refused on the next request.
 */
public final class BearerAuth implements Handler<RoutingContext> {
  private static final String PRINCIPAL = "voxproof.principal";

  /** SPEC: RFC 6750 §2.1: b64token; we also cap the length. */
  private static final Pattern CREDENTIALS =
      Pattern.compile("(?i:bearer) +([A-Za-z0-9\\-._~+/]{1,512}=*) *");

  private final Workers workers;
  private final List<BearerResolver> resolvers;

  private BearerAuth(Workers workers, List<BearerResolver> resolvers) {
    this.workers = workers;
    List<BearerResolver> sorted = new ArrayList<>(resolvers);
    sorted.sort(Comparator.comparingInt((BearerResolver r) -> r.prefix().length()).reversed());
    this.resolvers = List.copyOf(sorted);
  }

  /** An authentication handler; {@code resolvers} must have distinct, non-empty prefixes. */
  public static BearerAuth create(Workers workers, List<BearerResolver> resolvers) {
    for (BearerResolver r : resolvers) {
      if (r.prefix().isEmpty()) {
        throw new IllegalArgumentException("a resolver needs a prefix");
      }
    }
    if (resolvers.stream().map(BearerResolver::prefix).distinct().count() != resolvers.size()) {
      throw new IllegalArgumentException("two resolvers share a prefix");
    }
    return new BearerAuth(workers, resolvers);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null) {
      ctx.next();
      return;
    }
    var m = CREDENTIALS.matcher(header);
    if (!m.matches()) {
      unauthorized(ctx, "invalid_request", "The Authorization header is not a bearer secret.");
      return;
    }
    String secret = m.group(1);
    Optional<BearerResolver> resolver =
        resolvers.stream().filter(r -> secret.startsWith(r.prefix())).findFirst();
    if (resolver.isEmpty()) {
      unauthorized(ctx, "invalid_token", "Unknown, revoked or expired credentials.");
      return;
    }
    // The secret is resolved on a worker: hold the body back meanwhile, or it arrives before a
    // route's body handler is there to read it.
    HttpServerRequest request = ctx.request();
    boolean paused = !request.isEnded();
    if (paused) {
      request.pause();
    }
    workers
        .call(ctx, () -> resolver.get().resolve(secret))
        .onSuccess(
            p -> {
              if (p.isEmpty()) {
                resume(request, paused);
                unauthorized(ctx, "invalid_token", "Unknown, revoked or expired credentials.");
              } else {
                // Resumed before the next handler runs: the queued body is delivered on a later
                // turn of the event loop, once a route's body handler listens (and a route that
                // refuses early, e.g. 413 for a declared length, does not leave it stalled).
                resume(request, paused);
                ctx.put(PRINCIPAL, p.get());
                ctx.next();
              }
            })
        .onFailure(e -> resume(request, paused));
  }

  private static void resume(HttpServerRequest request, boolean paused) {
    if (paused) {
      request.resume();
    }
  }

  /** The caller authenticated by this handler, or empty for an anonymous request. */
  public static Optional<Principal> principal(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(PRINCIPAL));
  }

  /**
   * A handler that lets the request on only when its caller has one of {@code roles}: 401 when no
   * credentials came, 403 when the caller's role is not among them.
   */
  public static Handler<RoutingContext> require(Role first, Role... more) {
    Set<Role> allowed = EnumSet.of(first, more);
    return ctx -> {
      Optional<Principal> p = principal(ctx);
      if (p.isEmpty()) {
        unauthorized(ctx, null, "This resource needs a bearer secret.");
      } else if (!allowed.contains(p.get().role())) {
        Problems.send(ctx, 403, "forbidden", "Not allowed", "Your role may not use this resource.");
      } else {
        ctx.next();
      }
    };
  }

  /** SPEC: RFC 6750 §3: 401 with a {@code WWW-Authenticate: Bearer} challenge. */
  private static void unauthorized(RoutingContext ctx, String error, String detail) {
    String challenge =
        "Bearer realm=\"voxproof\"" + (error == null ? "" : ", error=\"" + error + "\"");
    ctx.response().putHeader("WWW-Authenticate", challenge);
    Problems.send(ctx, 401, "unauthorized", "Authentication required", detail);
  }
}

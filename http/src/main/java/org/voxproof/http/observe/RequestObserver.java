package org.voxproof.http.observe;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.voxproof.http.Problems;
import org.voxproof.http.ServiceRouter;

/**
 * Watches every request of a root router: gives it a request id ({@code X-Request-Id} on the
 * response), times it, learns the route template that served it (never the client's path, which may
 * carry ids or secrets), records {@code voxproof_http_request_duration_seconds{route,method,
 * status_class}} and {@code voxproof_refusals_total{reason,status}} (every problem+json answer, by
 * its stable reason), writes one access-log record to the {@code voxproof.access} logger, and hands
 * each finished {@link Exchange} to the listeners.
 *
 * <pre>{@code
 * RequestObserver obs = RequestObserver.create(metrics);
 * obs.install(root, services);         // root: ApiRouter.create(...); first handler of all
 * obs.onExchange(e -> ...);            // product counters from route, status and notes
 * }</pre>
 */
public final class RequestObserver implements Handler<RoutingContext> {
  /** The access log's logger name. */
  public static final String ACCESS_LOGGER = "voxproof.access";

  /** The request id's response header. */
  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  private static final Logger ACCESS = Logger.getLogger(ACCESS_LOGGER);
  private static final String ID = "voxproof.requestId";
  private static final String ROUTES = "voxproof.routeContexts";
  private static final String NOTES = "voxproof.notes";

  /** Latency buckets, seconds: from a cached GET to a long synthesis or batch upload. */
  static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

  /**
   * One finished request.
   *
   * @param route the route template ({@code /v1/enrollments/:id/owner}), or {@code unmatched}
   * @param status the status sent, or 0 when the connection closed before a response
   * @param reason the problem's stable reason when the answer was problem+json, else null
   * @param reasons the problem's {@code reasons} array (empty when none)
   * @param notes what handlers noted with {@link #note} (e.g. a detection's verdict)
   */
  public record Exchange(
      String requestId,
      String method,
      String route,
      int status,
      long nanos,
      String reason,
      List<String> reasons,
      Map<String, String> notes) {}

  private final Metrics.Histogram latency;
  private final Metrics.Counter refusals;
  private final List<Consumer<Exchange>> listeners = new CopyOnWriteArrayList<>();

  private RequestObserver(Metrics metrics) {
    this.latency =
        metrics.histogram(
            "voxproof_http_request_duration_seconds",
            "Time from routing a request to the end of its response, by route template.",
            BUCKETS,
            "route",
            "method",
            "status_class");
    this.refusals =
        metrics.counter(
            "voxproof_refusals_total",
            "Requests answered with problem+json, by the problem's stable reason.",
            "reason",
            "status");
  }

  /** An observer recording into {@code metrics}. */
  public static RequestObserver create(Metrics metrics) {
    return new RequestObserver(Objects.requireNonNull(metrics));
  }

  /** Called with every finished exchange (on an event loop: keep it quick). */
  public RequestObserver onExchange(Consumer<Exchange> listener) {
    listeners.add(Objects.requireNonNull(listener));
    return this;
  }

  /**
   * Makes this the first handler of {@code root} and lets every service's router tell which of its
   * routes served the request. Call before the server listens.
   */
  public void install(Router root, List<ServiceRouter> services) {
    root.route().order(Integer.MIN_VALUE).handler(this);
    for (ServiceRouter s : services) {
      s.router().route().order(Integer.MIN_VALUE).handler(RequestObserver::track);
    }
  }

  /** The request's id (as sent in {@code X-Request-Id}), or null outside an observed request. */
  public static String requestId(RoutingContext ctx) {
    return ctx.get(ID);
  }

  /** Notes a fact about the outcome (e.g. {@code verdict}) for the listeners and the access log. */
  public static void note(RoutingContext ctx, String key, String value) {
    Map<String, String> notes = ctx.get(NOTES);
    if (notes != null && value != null) {
      notes.put(key, value);
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    String id = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    ctx.put(ID, id);
    ctx.put(ROUTES, new ArrayList<RoutingContext>(2));
    ctx.put(NOTES, new java.util.concurrent.ConcurrentHashMap<String, String>());
    ctx.response().putHeader(REQUEST_ID_HEADER, id);
    // The body end marks a complete response; the end handler also covers a connection that
    // closed before one (its result comes only once the connection closes, so it cannot time).
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    ctx.addBodyEndHandler(
        v -> {
          if (done.compareAndSet(false, true)) {
            finished(ctx, id, start, true);
          }
        });
    ctx.addEndHandler(
        ar -> {
          if (done.compareAndSet(false, true)) {
            finished(ctx, id, start, ctx.response().ended());
          }
        });
    ctx.next();
  }

  private static void track(RoutingContext ctx) {
    List<RoutingContext> seen = ctx.get(ROUTES);
    if (seen != null) {
      seen.add(ctx);
    }
    ctx.next();
  }

  private void finished(RoutingContext ctx, String id, long start, boolean ended) {
    long nanos = System.nanoTime() - start;
    int status = ended ? ctx.response().getStatusCode() : 0;
    String method = ctx.request().method().name();
    String route = route(ctx);
    JsonObject problem = ctx.get(Problems.SENT);
    String reason = null;
    List<String> reasons = List.of();
    if (problem != null && status == problem.getInteger("status", -1)) {
      String type = problem.getString("type", "");
      reason = type.substring(type.lastIndexOf('/') + 1);
      JsonArray r = problem.getJsonArray("reasons");
      if (r != null) {
        List<String> list = new ArrayList<>();
        r.forEach(x -> list.add(String.valueOf(x)));
        reasons = List.copyOf(list);
      }
      refusals.inc(reason, Integer.toString(status));
    }
    String statusClass = status == 0 ? "aborted" : (status / 100) + "xx";
    latency.observe(nanos / 1e9, route, method, statusClass);
    Map<String, String> notes = ctx.get(NOTES);
    Exchange e =
        new Exchange(
            id,
            method,
            route,
            status,
            nanos,
            reason,
            reasons,
            notes == null ? Map.of() : Map.copyOf(notes));
    log(e);
    for (Consumer<Exchange> l : listeners) {
      try {
        l.accept(e);
      } catch (RuntimeException x) {
        ACCESS.log(Level.WARNING, "exchange listener failed: " + x.getClass().getName());
      }
    }
  }

  private static void log(Exchange e) {
    if (!ACCESS.isLoggable(Level.INFO)) {
      return;
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("request_id", e.requestId());
    fields.put("method", e.method());
    fields.put("route", e.route());
    fields.put("status", e.status());
    fields.put("latency_ms", Math.round(e.nanos() / 1e4) / 100.0);
    if (e.reason() != null) {
      fields.put("reason", e.reason());
    }
    if (!e.reasons().isEmpty()) {
      fields.put("reasons", e.reasons());
    }
    fields.putAll(e.notes());
    LogRecord r = new LogRecord(Level.INFO, "request");
    r.setLoggerName(ACCESS_LOGGER);
    r.setParameters(new Object[] {fields});
    ACCESS.log(r);
  }

  /**
   * The template of the route that served the request: the innermost service route that matched,
   * else a root route (such as {@code /health}), else {@code unmatched}.
   */
  private static String route(RoutingContext ctx) {
    List<RoutingContext> seen = ctx.get(ROUTES);
    if (seen != null) {
      for (RoutingContext c : seen) {
        String t = template(c.currentRoute());
        if (t != null) {
          return t;
        }
      }
    }
    String t = template(ctx.currentRoute());
    return t == null ? "unmatched" : t;
  }

  private static String template(Route r) {
    if (r == null || r.getPath() == null) {
      return r != null && r.isRegexPath() && r.getName() != null ? r.getName() : null;
    }
    String p = r.getPath();
    if (!r.isExactPath()) {
      return p.equals("/") ? null : p + "*";
    }
    return p;
  }
}

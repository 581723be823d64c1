package org.voxproof.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voxproof.http.TestServers.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ApiRouterTest {
  /** A service's exception base and two subclasses, as a module would declare them. */
  static class ThingException extends Exception {
    private static final long serialVersionUID = 1L;

    ThingException(String m) {
      super(m);
    }
  }

  static final class ThingMissingException extends ThingException {
    private static final long serialVersionUID = 1L;

    ThingMissingException(String m) {
      super(m);
    }
  }

  static final class ThingBusyException extends ThingException {
    private static final long serialVersionUID = 1L;

    ThingBusyException(String m) {
      super(m);
    }
  }

  private final HttpClient client = HttpClient.newHttpClient();
  private int port;
  private LogCapture log;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    ProblemMap things =
        ProblemMap.builder()
            .map(ThingException.class, 400, "bad_thing", "Bad thing")
            .map(ThingMissingException.class, 404, "no_thing", "No such thing")
            .overloaded(ThingBusyException.class, "Things busy", Duration.ofSeconds(3))
            .build();
    Workers workers = Workers.create(vertx, "things-io", 2);
    ServiceRouter firsts = ServiceRouter.create(vertx, things);
    Router first = firsts.router();
    first
        .get("/v1/things/missing")
        .handler(
            ctx ->
                workers.call(
                    ctx,
                    () -> {
                      throw new ThingMissingException("thing 7 is not here");
                    }));
    first
        .get("/v1/things/busy")
        .handler(ctx -> ctx.fail(new ThingBusyException("queue full at /var/x")));
    first
        .get("/v1/things/bad")
        .handler(ctx -> ctx.fail(new ThingException("a thing must be blue")));
    first
        .get("/v1/things/boom")
        .handler(ctx -> ctx.fail(new IllegalStateException("secret internals")));
    first.get("/v1/things/too-big").handler(ctx -> ctx.fail(413));
    ServiceRouter seconds =
        ServiceRouter.create(
            vertx,
            ProblemMap.builder()
                .map(IllegalArgumentException.class, 422, "other_bad", "Other bad")
                .build());
    Router second = seconds.router();
    second
        .get("/v1/other/bad")
        .handler(ctx -> ctx.fail(new IllegalArgumentException("other input")));
    second.get("/v1/other").handler(ctx -> Responses.json(ctx, new JsonObject().put("ok", true)));
    Router root = ApiRouter.create(vertx, null, ProblemMap.empty(), List.of(firsts, seconds));
    port = TestServers.serve(vertx, root);
    log = new LogCapture();
  }

  @AfterEach
  void stop() {
    log.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return TestServers.get(client, port, path, null);
  }

  @Test
  void health_returnsUp() throws Exception {
    HttpResponse<String> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getString("status")).isEqualTo("up");
  }

  @Test
  void secondService_isReachedWhenTheFirstHasNoRoute() throws Exception {
    HttpResponse<String> r = get("/v1/other");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getBoolean("ok")).isTrue();
  }

  @Test
  void unknownPath_returnsProblemJson404() throws Exception {
    assertProblem(get("/v1/nothing-here"), 404, "not_found");
  }

  @Test
  void wrongMethod_returnsProblemJson405() throws Exception {
    HttpResponse<String> r =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/v1/other"))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(r, 405, "method_not_allowed");
  }

  @Test
  void mappedException_mostSpecificWins_withDetail() throws Exception {
    JsonObject p = assertProblem(get("/v1/things/missing"), 404, "no_thing");
    assertThat(p.getString("detail")).isEqualTo("thing 7 is not here");
    assertThat(assertProblem(get("/v1/things/bad"), 400, "bad_thing").getString("detail"))
        .isEqualTo("a thing must be blue");
    assertThat(log.noisy()).isEmpty();
  }

  @Test
  void secondServicesException_mappedByItsOwnMap() throws Exception {
    assertThat(assertProblem(get("/v1/other/bad"), 422, "other_bad").getString("detail"))
        .isEqualTo("other input");
  }

  @Test
  void overloaded_is503WithRetryAfter_andNoDetail() throws Exception {
    HttpResponse<String> r = get("/v1/things/busy");
    JsonObject p = assertProblem(r, 503, "unavailable");
    assertThat(r.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(p.containsKey("detail")).isFalse();
    assertThat(r.body()).doesNotContain("/var/x");
  }

  @Test
  void handlerException_returnsGeneric500WithoutInternals() throws Exception {
    HttpResponse<String> r = get("/v1/things/boom");
    assertProblem(r, 500, "internal");
    assertThat(r.body()).doesNotContain("secret internals");
  }

  @Test
  void clientFault_keepsItsStatus() throws Exception {
    assertProblem(get("/v1/things/too-big"), 413, "too_large");
  }
}

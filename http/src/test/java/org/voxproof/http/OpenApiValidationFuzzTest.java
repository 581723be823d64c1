package org.voxproof.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.voxproof.http.openapi.OpenApi;

/**
 * Fuzzes what the OpenAPI validator sees — a path parameter, a query parameter, a content type and
 * a body — against the {@code things.yaml} document: every answer is a route's 2xx or a
 * problem+json 4xx, never a 5xx, and nothing noisy is logged. Run with {@code JAZZER_FUZZ=1} to
 * fuzz; without it the seeds run.
 */
class OpenApiValidationFuzzTest {
  private static final Set<Integer> PROBLEMS = Set.of(400, 404, 405, 413, 414, 415, 431);

  private static Vertx vertx;
  private static int port;
  private static LogCapture log;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    OpenApi api =
        TestServers.await(OpenApi.load(vertx, OpenApi.resource(OpenApi.class, "things.yaml")));
    ServiceRouter s = ServiceRouter.create(vertx, ProblemMap.empty());
    s.router()
        .post("/v1/things")
        .handler(Bodies.limited(Bodies.JSON_LIMIT))
        .handler(ctx -> Responses.json(ctx, 201, new JsonObject().put("n", ctx.body().length())));
    s.router()
        .get("/v1/things/:n")
        .handler(ctx -> Responses.json(ctx, new JsonObject().put("n", ctx.pathParam("n"))));
    s.router()
        .post("/v1/things/:n/audio")
        .handler(Bodies.limited(1024 * 1024))
        .handler(ctx -> Responses.json(ctx, new JsonObject().put("n", ctx.body().length())));
    Router root = ApiRouter.create(vertx, null, ProblemMap.empty(), List.of(s), api);
    port = TestServers.serve(vertx, root);
    log = new LogCapture();
  }

  @AfterAll
  static void stop() throws Exception {
    log.close();
    TestServers.await(vertx.close());
  }

  @FuzzTest(maxDuration = "30s")
  void anyParametersAndBody_answeredWith2xxOrProblemJson(FuzzedDataProvider data) throws Exception {
    BugDetectors.allowNetworkConnections(
        (host, p) -> (host.equals("127.0.0.1") || host.equals("localhost")) && p == port);
    int route = data.consumeInt(0, 2);
    String n = URLEncoder.encode(data.consumeString(40), StandardCharsets.UTF_8);
    String dry = URLEncoder.encode(data.consumeString(20), StandardCharsets.UTF_8);
    String type = data.pickValue(List.of("application/json", "", "text/plain", "audio/wav"));
    byte[] body = data.consumeRemainingAsBytes();
    String path =
        switch (route) {
          case 0 -> "/v1/things?dry=" + dry;
          case 1 -> "/v1/things/" + n;
          default -> "/v1/things/" + n + "/audio";
        };
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (!type.isEmpty()) {
      b.header("Content-Type", type);
    }
    b.timeout(Duration.ofSeconds(10));
    if (route == 1) {
      b.GET();
    } else {
      b.POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
    HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      assertThat(PROBLEMS).as(r.statusCode() + " " + r.body()).contains(r.statusCode());
      assertThat(r.headers().firstValue("Content-Type")).hasValue(Problems.CONTENT_TYPE);
    }
    assertThat(log.noisy()).isEmpty();
  }
}

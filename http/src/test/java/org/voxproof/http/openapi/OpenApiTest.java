package org.voxproof.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.voxproof.http.TestServers.assertProblem;
import static org.voxproof.http.TestServers.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxproof.http.ApiRouter;
import org.voxproof.http.Bodies;
import org.voxproof.http.ProblemMap;
import org.voxproof.http.Problems;
import org.voxproof.http.Responses;
import org.voxproof.http.ServiceRouter;
import org.voxproof.http.TestServers;

@ExtendWith(VertxExtension.class)
class OpenApiTest {
  private static final long AUDIO_LIMIT = 1024 * 1024;

  private final HttpClient client = HttpClient.newHttpClient();
  private byte[] doc;
  private int port;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    doc = OpenApi.resource(OpenApiTest.class, "things.yaml");
    OpenApi api = await(OpenApi.load(vertx, doc));
    ServiceRouter things = ServiceRouter.create(vertx, ProblemMap.builder().build());
    Router r = things.router();
    // The routes keep their own body handlers, as the services' routes do.
    r.post("/v1/things")
        .handler(Bodies.limited(Bodies.JSON_LIMIT))
        .handler(
            ctx -> {
              String type = ctx.request().getHeader("Content-Type");
              if (type != null && !type.startsWith("application/json")) {
                Problems.send(ctx, 415, "unsupported_media_type", "Unsupported", null);
                return;
              }
              JsonObject b = ctx.body().asJsonObject();
              Responses.json(ctx, 201, new JsonObject().put("made", b.getString("name")));
            });
    r.get("/v1/things/:n")
        .handler(ctx -> Responses.json(ctx, new JsonObject().put("n", ctx.pathParam("n"))));
    r.post("/v1/things/:n/audio")
        .handler(Bodies.limited(AUDIO_LIMIT))
        .handler(
            ctx ->
                Responses.json(ctx, new JsonObject().put("bytes", ctx.body().buffer().length())));
    Router root = ApiRouter.create(vertx, null, ProblemMap.builder().build(), List.of(things), api);
    port = TestServers.serve(vertx, root);
  }

  @Test
  void document_isServedWithoutCredentials_asLoaded() throws Exception {
    HttpResponse<byte[]> r =
        client.send(
            request("/openapi.yaml").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(OpenApi.MEDIA_TYPE);
    assertThat(r.body()).isEqualTo(doc);
  }

  @Test
  void validRequests_reachTheRoutes_bodyReadOnce() throws Exception {
    assertThat(send("GET", "/v1/things/7", null, null).body()).contains("\"n\":\"7\"");
    HttpResponse<String> made =
        send("POST", "/v1/things?dry=true", "application/json", "{\"name\":\"a\",\"size\":2}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(new JsonObject(made.body()).getString("made")).isEqualTo("a");
  }

  @Test
  void pathParameter_notMatchingItsSchema_is400InvalidParameterNamingIt() throws Exception {
    JsonObject p =
        assertProblem(send("GET", "/v1/things/seven", null, null), 400, "invalid_parameter");
    assertThat(p.getJsonObject("parameter"))
        .isEqualTo(new JsonObject().put("in", "path").put("name", "n"));
    assertThat(p.getJsonArray("reasons").getList()).containsExactly("invalid_parameter");
    assertProblem(send("GET", "/v1/things/-1", null, null), 400, "invalid_parameter");
  }

  @Test
  void queryParameter_notMatchingItsSchema_is400InvalidParameter() throws Exception {
    JsonObject p =
        assertProblem(
            send(
                "POST",
                "/v1/things?dry=perhaps",
                "application/json",
                "{\"name\":\"a\",\"size\":2}"),
            400,
            "invalid_parameter");
    assertThat(p.getJsonObject("parameter").getString("name")).isEqualTo("dry");
    assertThat(p.getJsonObject("parameter").getString("in")).isEqualTo("query");
  }

  @Test
  void jsonBody_notMatchingItsSchema_is400InvalidRequestWithPointer() throws Exception {
    JsonObject wrongType =
        assertProblem(
            send("POST", "/v1/things", "application/json", "{\"name\":\"a\",\"size\":\"big\"}"),
            400,
            "invalid_request");
    assertThat(wrongType.getString("pointer")).isEqualTo("/size");
    assertThat(wrongType.getString("detail")).doesNotContain("big");
    JsonObject missing =
        assertProblem(
            send("POST", "/v1/things", "application/json", "{\"name\":\"a\"}"),
            400,
            "invalid_request");
    assertThat(missing.getString("detail")).contains("size");
    assertProblem(send("POST", "/v1/things", "application/json", "[1,2]"), 400, "invalid_request");
    assertProblem(
        send("POST", "/v1/things", "application/json", "{not json"), 400, "invalid_request");
    assertProblem(send("POST", "/v1/things", null, null), 400, "invalid_request");
  }

  @Test
  void jsonBody_withoutContentType_isValidatedAsJson() throws Exception {
    assertThat(send("POST", "/v1/things", null, "{\"name\":\"a\",\"size\":2}").statusCode())
        .isEqualTo(201);
    assertProblem(
        send("POST", "/v1/things", null, "{\"name\":\"\",\"size\":2}"), 400, "invalid_request");
  }

  @Test
  void bodyInAnotherMediaType_isLeftToTheRoute() throws Exception {
    assertProblem(
        send("POST", "/v1/things", "text/plain", "{\"size\":\"x\"}"),
        415,
        "unsupported_media_type");
  }

  @Test
  void jsonBody_overTheJsonLimit_is413() throws Exception {
    String big = "{\"name\":\"" + "a".repeat((int) Bodies.JSON_LIMIT) + "\",\"size\":1}";
    assertProblem(send("POST", "/v1/things", "application/json", big), 413, "too_large");
  }

  @Test
  void audioBody_isNotBufferedByTheValidator_routeLimitApplies() throws Exception {
    byte[] audio = new byte[(int) Bodies.JSON_LIMIT * 4]; // over the JSON cap, under the route's
    HttpResponse<String> r =
        client.send(
            request("/v1/things/3/audio")
                .header("Content-Type", "audio/wav")
                .POST(HttpRequest.BodyPublishers.ofByteArray(audio))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getInteger("bytes")).isEqualTo(audio.length);
    assertProblem(
        send("POST", "/v1/things/x/audio", "audio/wav", "RIFF"), 400, "invalid_parameter");
  }

  @Test
  void undescribedPathsAndMethods_passToTheRouter() throws Exception {
    assertProblem(send("GET", "/v1/nothing", null, null), 404, "not_found");
    assertProblem(send("DELETE", "/v1/things/1", null, null), 405, "method_not_allowed");
  }

  @Test
  void load_refusesADocumentThatIsNotOpenApi(Vertx vertx) {
    byte[] notOpenApi = "openapi: 3.1.0\npaths: 7\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> await(OpenApi.load(vertx, notOpenApi)))
        .isInstanceOf(ExecutionException.class);
    byte[] notYaml = "- just\n- a list\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> await(OpenApi.load(vertx, notYaml)))
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  private HttpResponse<String> send(String method, String path, String type, String body)
      throws Exception {
    HttpRequest.Builder b = request(path);
    if (type != null) {
      b.header("Content-Type", type);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}

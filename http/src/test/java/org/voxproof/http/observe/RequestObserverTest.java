package org.voxproof.http.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxproof.http.ApiRouter;
import org.voxproof.http.ProblemMap;
import org.voxproof.http.Problems;
import org.voxproof.http.Responses;
import org.voxproof.http.ServiceRouter;
import org.voxproof.http.TestServers;

/**
 * The observer labels latency by route template (never the client's path), counts problem+json
 * answers by reason, sends a request id, and writes one JSON access-log line per request.
 */
@ExtendWith(VertxExtension.class)
class RequestObserverTest {
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private StreamHandler handler;
  private final Logger access = Logger.getLogger(RequestObserver.ACCESS_LOGGER);

  @BeforeEach
  void captureLog() {
    handler = new StreamHandler(logged, new JsonLogFormatter());
    access.addHandler(handler);
  }

  @AfterEach
  void release() {
    access.removeHandler(handler);
  }

  @Test
  void requests_labelledByTemplate_problemsCountedByReason_accessLogIsJson(Vertx vertx)
      throws Exception {
    ServiceRouter things = ServiceRouter.create(vertx, ProblemMap.empty());
    things
        .router()
        .get("/v1/things/:id")
        .handler(
            ctx -> {
              RequestObserver.note(ctx, "verdict", "verified-synthetic");
              Responses.json(ctx, new JsonObject().put("id", ctx.pathParam("id")));
            });
    things
        .router()
        .post("/v1/things/:id/refuse")
        .handler(
            ctx -> Problems.refuse(ctx, 403, "out_of_scope", "Refused", List.of("out_of_scope")));
    Metrics metrics = new Metrics();
    List<RequestObserver.Exchange> seen = new CopyOnWriteArrayList<>();
    RequestObserver obs = RequestObserver.create(metrics).onExchange(seen::add);
    List<ServiceRouter> services = List.of(ServiceRouter.create(vertx, ProblemMap.empty()), things);
    Router root = ApiRouter.create(vertx, null, ProblemMap.empty(), services);
    obs.install(root, services);
    int port = TestServers.serve(vertx, root);
    HttpClient client = HttpClient.newHttpClient();

    HttpResponse<String> ok = TestServers.get(client, port, "/v1/things/secret-id-123", null);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue(RequestObserver.REQUEST_ID_HEADER))
        .get()
        .asString()
        .matches("[0-9a-f]{16}");
    HttpResponse<String> refused =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/v1/things/x/refuse"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(TestServers.get(client, port, "/nowhere/secret-path", null).statusCode())
        .isEqualTo(404);
    assertThat(TestServers.get(client, port, "/health", null).statusCode()).isEqualTo(200);

    String text = metrics.scrape();
    assertThat(text)
        .contains(
            "voxproof_http_request_duration_seconds_count{route=\"/v1/things/:id\",method=\"GET\","
                + "status_class=\"2xx\"} 1")
        .contains(
            "voxproof_http_request_duration_seconds_count{route=\"/v1/things/:id/refuse\","
                + "method=\"POST\",status_class=\"4xx\"} 1")
        .contains("route=\"unmatched\",method=\"GET\",status_class=\"4xx\"} 1")
        .contains("route=\"/health\",method=\"GET\",status_class=\"2xx\"} 1")
        .contains("voxproof_refusals_total{reason=\"out_of_scope\",status=\"403\"} 1")
        .contains("voxproof_refusals_total{reason=\"not_found\",status=\"404\"} 1")
        .doesNotContain("secret");
    assertThat(seen).hasSize(4);
    assertThat(seen.get(0).notes()).containsEntry("verdict", "verified-synthetic");
    assertThat(seen.get(1).reasons()).containsExactly("out_of_scope");

    handler.flush();
    List<String> lines = logged.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(4);
    JsonObject first = new JsonObject(lines.get(0));
    assertThat(first.fieldNames())
        .contains(
            "time", "level", "logger", "message", "request_id", "route", "status", "latency_ms");
    assertThat(first.getString("route")).isEqualTo("/v1/things/:id");
    assertThat(first.getString("request_id"))
        .isEqualTo(ok.headers().firstValue(RequestObserver.REQUEST_ID_HEADER).orElseThrow());
    assertThat(first.getString("verdict")).isEqualTo("verified-synthetic");
    assertThat(new JsonObject(lines.get(1)).getString("reason")).isEqualTo("out_of_scope");
    assertThat(String.join("\n", lines)).doesNotContain("secret");
  }
}

package org.voxproof.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HttpAppTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private int port;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    Router router = HttpApp.baseRouter(vertx);
    router.get("/boom").handler(ctx -> ctx.fail(new IllegalStateException("secret internals")));
    router.get("/client-fault").handler(ctx -> ctx.fail(413));
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    port = server.actualPort();
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    return client.send(req, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void health_returnsUp() throws Exception {
    HttpResponse<String> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getString("status")).isEqualTo("up");
  }

  @Test
  void unknownPath_returnsProblemJson404() throws Exception {
    HttpResponse<String> r = get("/v1/nothing-here");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(Problems.CONTENT_TYPE);
    JsonObject p = new JsonObject(r.body());
    assertThat(p.getString("type")).isEqualTo(Problems.TYPE_BASE + "not_found");
    assertThat(p.getInteger("status")).isEqualTo(404);
  }

  @Test
  void handlerException_returnsGeneric500WithoutInternals() throws Exception {
    HttpResponse<String> r = get("/boom");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).doesNotContain("secret internals");
    assertThat(new JsonObject(r.body()).getString("type")).endsWith("/internal");
  }

  @Test
  void clientFault_keepsItsStatus() throws Exception {
    HttpResponse<String> r = get("/client-fault");
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(new JsonObject(r.body()).getString("type")).endsWith("/too_large");
    assertThat(r.headers().firstValue("Content-Type")).hasValue(Problems.CONTENT_TYPE);
  }
}

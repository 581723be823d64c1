package org.voxproof.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/** Helpers for tests of services on the shared HTTP layer (also used by other modules' tests). */
public final class TestServers {
  private TestServers() {}

  public static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  /** Serves {@code root} on 127.0.0.1 and a free port; returns the port. */
  public static int serve(Vertx vertx, Router root) throws Exception {
    return await(ApiServer.start(vertx, root, "127.0.0.1", 0, null)).port();
  }

  public static HttpResponse<String> get(HttpClient client, int port, String path, String bearer)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (bearer != null) {
      b.header("Authorization", bearer);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Asserts a problem+json response with this status and reason; returns the problem. */
  public static JsonObject assertProblem(HttpResponse<String> r, int status, String reason) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(Problems.CONTENT_TYPE);
    return assertProblemBody(r.body(), status, reason);
  }

  /** Asserts a problem+json body with this status and reason; returns the problem. */
  public static JsonObject assertProblemBody(String body, int status, String reason) {
    JsonObject p = new JsonObject(body);
    assertThat(p.getString("type")).isEqualTo(Problems.TYPE_BASE + reason);
    assertThat(p.getInteger("status")).isEqualTo(status);
    assertThat(p.getString("title")).isNotBlank();
    return p;
  }
}

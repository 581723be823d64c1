package org.voxproof.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Graceful shutdown: stop accepting at once, let the request in flight finish, then close. */
@ExtendWith(VertxExtension.class)
class ApiServerShutdownTest {
  @Test
  void shutdown_refusesNewConnections_finishesInFlightRequest(Vertx vertx) throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Workers workers = Workers.create(vertx, "slow-io", 1);
    ServiceRouter s = ServiceRouter.create(vertx, ProblemMap.empty());
    s.router()
        .get("/v1/slow")
        .handler(
            ctx ->
                workers
                    .call(
                        ctx,
                        () -> {
                          entered.countDown();
                          return release.await(30, TimeUnit.SECONDS);
                        })
                    .onSuccess(ok -> Responses.json(ctx, new JsonObject().put("done", ok))));
    ApiServer server =
        TestServers.await(
            ApiServer.start(
                vertx,
                ApiRouter.create(vertx, null, ProblemMap.empty(), List.of(s)),
                "127.0.0.1",
                0,
                null));
    int port = server.port();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/slow")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

    Future<Void> stopped = server.shutdown(Duration.ofSeconds(20));
    awaitRefused(port);
    assertThat(stopped.isComplete()).isFalse();

    release.countDown();
    HttpResponse<String> r = inFlight.get(20, TimeUnit.SECONDS);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getBoolean("done")).isTrue();
    TestServers.await(stopped);
    assertThatThrownBy(() -> connect(port)).isInstanceOf(ConnectException.class);
  }

  /** New connections are refused once shutdown began (polled: the listener closes async). */
  private static void awaitRefused(int port) throws Exception {
    for (int i = 0; i < 200; i++) {
      try {
        connect(port);
      } catch (ConnectException e) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("still accepting connections after shutdown began");
  }

  private static void connect(int port) throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    }
  }
}

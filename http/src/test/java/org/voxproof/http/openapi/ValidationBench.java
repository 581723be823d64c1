package org.voxproof.http.openapi;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.voxproof.http.ApiRouter;
import org.voxproof.http.ApiServer;
import org.voxproof.http.Bodies;
import org.voxproof.http.ProblemMap;
import org.voxproof.http.Responses;
import org.voxproof.http.ServiceRouter;

/**
 * What OpenAPI validation costs: requests/s of two routes that do nothing ({@code GET
 * /v1/ledger/entries/{index}}, a path parameter; {@code POST /v1/synthesize}, a JSON body checked
 * against its schema) on a root router without and with {@link OpenApi}, 32 requests in flight,
 * 4,000 per measurement, 7 alternating rounds. Not a test (no timing assertions); run:
 *
 * <pre>
 * ./mvnw -o -q -pl http test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp http/target/test-classes:http/target/classes:$(cat /tmp/cp.txt) \
 *     org.voxproof.http.openapi.ValidationBench docs/openapi.yaml
 * </pre>
 */
public final class ValidationBench {
  private ValidationBench() {}

  public static void main(String[] a) throws Exception {
    Vertx vertx = Vertx.vertx();
    byte[] doc = Files.readAllBytes(Path.of(a[0]));
    OpenApi api = OpenApi.load(vertx, doc).await(30, TimeUnit.SECONDS);
    int plain = serve(vertx, null), checked = serve(vertx, api);
    HttpClient c = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
    String body =
        "{\"text\":\"Your appointment is confirmed for Tuesday at ten.\",\"consentToken\":\"eyJhbGciOiJFUzI1NiJ9.e30.c2ln\",\"language\":\"en\",\"purpose\":\"customer-service\",\"format\":\"wav\"}";
    for (int round = 0; round < 7; round++) {
      for (String what : List.of("get", "post")) {
        double p = run(c, plain, what, body), v = run(c, checked, what, body);
        System.out.printf(
            "round %d %s: without %.0f req/s, with validation %.0f req/s (%.0f%%)%n",
            round, what, p, v, 100 * v / p);
      }
    }
    System.exit(0);
  }

  static int serve(Vertx vertx, OpenApi api) throws Exception {
    ServiceRouter s = ServiceRouter.create(vertx, ProblemMap.builder().build());
    s.router()
        .get("/v1/ledger/entries/:index")
        .handler(ctx -> Responses.json(ctx, new JsonObject().put("index", ctx.pathParam("index"))));
    s.router()
        .post("/v1/synthesize")
        .handler(Bodies.limited(Bodies.JSON_LIMIT))
        .handler(ctx -> Responses.json(ctx, new JsonObject().put("n", ctx.body().length())));
    Router root = ApiRouter.create(vertx, null, ProblemMap.builder().build(), List.of(s), api);
    return ApiServer.start(vertx, root, "127.0.0.1", 0, null).await(10, TimeUnit.SECONDS).port();
  }

  static double run(HttpClient c, int port, String what, String body) throws Exception {
    int n = 4000, conc = 32;
    Semaphore sem = new Semaphore(conc);
    CountDownLatch done = new CountDownLatch(n);
    AtomicLong bad = new AtomicLong();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      sem.acquire();
      HttpRequest r =
          what.equals("get")
              ? HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/v1/ledger/entries/" + i))
                  .build()
              : HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/synthesize"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build();
      c.sendAsync(r, HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (x, e) -> {
                if (e != null || x.statusCode() != 200) bad.incrementAndGet();
                sem.release();
                done.countDown();
              });
    }
    done.await();
    if (bad.get() > 0) throw new IllegalStateException(bad.get() + " failed");
    return n / ((System.nanoTime() - t0) / 1e9);
  }
}

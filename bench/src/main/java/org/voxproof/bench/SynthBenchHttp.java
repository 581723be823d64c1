package org.voxproof.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.voxproof.consent.token.ConsentVerifier;
import org.voxproof.http.ApiRouter;
import org.voxproof.http.ApiServer;
import org.voxproof.http.Workers;
import org.voxproof.http.auth.BearerAuth;
import org.voxproof.http.auth.Role;
import org.voxproof.http.clients.ApiClients;
import org.voxproof.storage.Storage;
import org.voxproof.synth.OutputFormat;
import org.voxproof.synth.Synthesizer;
import org.voxproof.synth.http.SynthRoutes;

/**
 * The HTTP half of {@code voxproof bench synth}: the real {@code POST /v1/synthesize} route behind
 * the shared root router and bearer authentication (API key in SQLite), served by Vert.x on
 * loopback, driven by {@code c} client threads. Overhead per request = the client's round trip
 * minus the engine time the server reports in {@code Server-Timing}.
 */
final class SynthBenchHttp implements AutoCloseable {
  private static final Pattern ENGINE = Pattern.compile("engine;dur=([0-9.]+)");

  private final Vertx vertx = Vertx.vertx();
  private final Storage db;
  private final String key;
  private final int port;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  SynthBenchHttp(Path dir, Synthesizer synth, ConsentVerifier verifier) throws Exception {
    db = Storage.builder().embedded(dir).open();
    ApiClients clients = ApiClients.open(db);
    key = clients.create("bench", Role.LICENSEE, "bank", Duration.ofDays(1)).key();
    BearerAuth auth = BearerAuth.create(Workers.create(vertx, "auth-io", 4), List.of(clients));
    Router root =
        ApiRouter.create(
            vertx,
            auth,
            ApiClients.PROBLEMS,
            List.of(SynthRoutes.create(vertx, synth, verifier::verify, SynthRoutes.WORKERS, true)));
    port = ApiServer.start(vertx, root, "127.0.0.1", 0, null).await(30, TimeUnit.SECONDS).port();
  }

  /** One request's client round trip and the server's engine time, in nanoseconds. */
  record Sample(long totalNanos, long engineNanos) {
    long overheadNanos() {
      return totalNanos - engineNanos;
    }
  }

  /** {@code n} requests from {@code concurrency} client threads; also the requests per second. */
  SynthBench.Run<Sample> run(String token, OutputFormat f, int concurrency, int n)
      throws Exception {
    String body =
        new JsonObject()
            .put("text", SynthBench.TEXT)
            .put("consentToken", token)
            .put("language", "en")
            .put("purpose", "notifications")
            .put("format", f.formatName())
            .encode();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SynthRoutes.PATH))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<Sample>> futures = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> once(req)));
      }
      List<Sample> out = new ArrayList<>();
      for (Future<Sample> s : futures) {
        out.add(s.get());
      }
      return new SynthBench.Run<>(out, n / ((System.nanoTime() - t0) / 1e9));
    } finally {
      pool.shutdownNow();
    }
  }

  private Sample once(HttpRequest req) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
    long t1 = System.nanoTime();
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "synthesis answered " + r.statusCode() + ": " + new String(r.body(), "UTF-8"));
    }
    Matcher m = ENGINE.matcher(r.headers().firstValue("Server-Timing").orElse(""));
    if (!m.find()) {
      throw new IllegalStateException("no engine time in Server-Timing");
    }
    return new Sample(t1 - t0, Math.round(Double.parseDouble(m.group(1)) * 1e6));
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
    db.close();
  }
}

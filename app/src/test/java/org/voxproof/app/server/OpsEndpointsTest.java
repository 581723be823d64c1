package org.voxproof.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;

/**
 * {@code /ready} and {@code /metrics} on the one-process server: ready once listening, metrics in
 * the Prometheus text format with route templates, refusals by reason and the ledger size; off
 * loopback {@code /metrics} needs an operator key; a graceful close answers {@code /ready} with 503
 * and still finishes a request whose body is still arriving.
 */
class OpsEndpointsTest {
  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();

  static String admin(String... args) {
    PrintStream real = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(VoxProof.execute(args)).isZero();
    } finally {
      System.setOut(real);
    }
    String[] words = out.toString(StandardCharsets.UTF_8).strip().split("\\s+");
    return words[words.length - 1];
  }

  static String key(Path data, String name, String role) {
    return admin(
        "admin", "create-client", "--data-dir", data.toString(), "--name", name, "--role", role);
  }

  private HttpResponse<String> get(String url, String bearer) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readyAndMetrics_onLoopback_openWithRouteTemplatesAndLedgerSize() throws Exception {
    Path data = dir.resolve("data");
    try (VoxProofServer server = VoxProofServer.start(ServerConfig.plain(data, "127.0.0.1", 0))) {
      HttpResponse<String> ready = get(server.url() + "/ready", null);
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      assertThat(new JsonObject(ready.body()).getString("status")).isEqualTo("ready");
      assertThat(get(server.url() + "/v1/ledger/entries/7", null).statusCode()).isEqualTo(404);
      assertThat(get(server.url() + "/v1/enrollments", "vxk_bogus").statusCode()).isEqualTo(401);

      HttpResponse<String> m = get(server.url() + "/metrics", null);
      assertThat(m.statusCode()).isEqualTo(200);
      assertThat(m.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
      assertThat(m.body())
          .contains("# TYPE voxproof_http_request_duration_seconds histogram")
          .contains(
              "voxproof_http_request_duration_seconds_count{route=\"/ready\",method=\"GET\","
                  + "status_class=\"2xx\"} 1")
          .contains("route=\"/v1/ledger/entries/:index\",method=\"GET\",status_class=\"4xx\"} 1")
          .contains("voxproof_refusals_total{reason=\"unauthorized\",status=\"401\"} 1")
          .contains("voxproof_ledger_entries 0")
          .contains("# TYPE voxproof_syntheses_total counter")
          .contains("# TYPE voxproof_detections_total counter")
          .doesNotContain("/entries/7", "vxk_bogus");
    }
  }

  @Test
  void metrics_offLoopback_needsAnOperatorKey() throws Exception {
    Path data = dir.resolve("data");
    try (VoxProofServer server = VoxProofServer.start(ServerConfig.plain(data, "0.0.0.0", 0))) {
      assertThat(server.metricsOpen()).isFalse();
      String base = "http://127.0.0.1:" + server.port();
      String licensee = key(data, "bank", "licensee");
      String operator = key(data, "ops", "operator");
      assertThat(get(base + "/metrics", null).statusCode()).isEqualTo(401);
      assertThat(get(base + "/metrics", licensee).statusCode()).isEqualTo(403);
      HttpResponse<String> m = get(base + "/metrics", operator);
      assertThat(m.statusCode()).isEqualTo(200);
      assertThat(m.body())
          .contains("voxproof_refusals_total{reason=\"forbidden\",status=\"403\"} 1");
      assertThat(get(base + "/health", null).statusCode()).isEqualTo(200);
    }
  }

  /**
   * A licensee's enrolment request is in flight (headers sent, half the body) when the server is
   * closed, as SIGTERM's shutdown hook does: readiness reports {@code stopping} at once (new
   * connections are no longer accepted), the request finishes with 201, and close returns after.
   */
  @Test
  void close_requestInFlight_finishes_readyTurns503() throws Exception {
    Path data = dir.resolve("data");
    ServerConfig config =
        new ServerConfig(data, "127.0.0.1", 0, null, null, Duration.ofSeconds(20), null);
    VoxProofServer server = VoxProofServer.start(config);
    String licensee = key(data, "bank", "licensee");
    byte[] body =
        ("{\"ownerName\":\"Test Owner\",\"purposes\":[\"notifications\"],"
                + "\"languages\":[\"en\"],\"validDays\":30}")
            .getBytes(StandardCharsets.UTF_8);
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /v1/enrollments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                  + licensee
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, 10);
      out.flush();
      Thread.sleep(300); // the server has the request and waits for the rest of the body
      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      Thread.sleep(500);
      assertThat(closing).isNotDone();
      assertThat(server.notReady()).containsExactly("stopping");
      out.write(body, 10, body.length - 10);
      out.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(response).isEqualTo("HTTP/1.1 201");
      closing.get(30, TimeUnit.SECONDS);
    }
  }
}

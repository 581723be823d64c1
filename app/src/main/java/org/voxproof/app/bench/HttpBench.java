package org.voxproof.app.bench;

import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.voxproof.app.cli.Json;
import org.voxproof.app.demo.DemoSetup;
import org.voxproof.app.server.ServerConfig;
import org.voxproof.app.server.VoxProofServer;
import org.voxproof.http.auth.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code voxproof bench http}: drives {@code POST /v1/detect} and {@code POST /v1/synthesize} of a
 * server on loopback at saturation (closed loop, keep-alive) and reports requests/s, p50/p99,
 * answers by status and the heap before, after and at most. It starts its own server on a temporary
 * data directory unless {@code --server} names one on loopback (never anything else). A genuine
 * consent token and a genuine output come from the demo's setup (espeak-ng owner, real checks).
 * Each connection has its own API key, so the per-key rate limits (synthesis 5/s, detection 10/s)
 * do not decide the figures; any 429 is counted.
 */
@Command(
    name = "http",
    mixinStandardHelpOptions = true,
    description = {
      "Load on /v1/detect and /v1/synthesize of a loopback server; last line a JSON summary.",
      "Exit 0 when no answer was a 5xx and no connection failed, 1 otherwise."
    })
public final class HttpBench implements Callable<Integer> {
  /** What the synthesis requests say: short, so one consent's daily quota lasts the run. */
  static final String TEXT = "Your card has shipped.";

  @Option(
      names = "--seconds",
      description = "Measured seconds per route (default: ${DEFAULT-VALUE}).")
  int seconds = 60;

  @Option(names = "--warmup", description = "Unmeasured seconds first (default: ${DEFAULT-VALUE}).")
  int warmup = 5;

  @Option(
      names = "--connections",
      description = "Concurrent keep-alive connections (default: ${DEFAULT-VALUE}).")
  int connections = 16;

  @Option(
      names = "--route",
      description = "detect, synthesize or both (default: ${DEFAULT-VALUE}).")
  String route = "both";

  @Option(
      names = "--consents",
      description =
          "Owners consenting, whose tokens the synthesis connections share (default: enough for"
              + " 40 requests/s under the default quota of 20,000 characters per consent and"
              + " day; at most "
              + DemoSetup.VARIANTS
              + ").")
  Integer consents;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "A running server on loopback (needs --data-dir: its data directory).")
  String server;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "With --server: its data directory, for the API keys (admin path).")
  Path dataDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<String> routes = routes();
    if (seconds < 1 || seconds > 3600 || warmup < 0 || warmup > 600) {
      throw new ParameterException(spec.commandLine(), "--seconds 1-3600, --warmup 0-600");
    }
    if (consents != null && (consents < 1 || consents > DemoSetup.VARIANTS)) {
      throw new ParameterException(
          spec.commandLine(), "--consents must be 1 to " + DemoSetup.VARIANTS);
    }
    if (connections < 1 || connections > 256) {
      throw new ParameterException(spec.commandLine(), "--connections must be 1 to 256");
    }
    if (server != null) {
      requireLoopback(server);
      if (dataDir == null) {
        throw new ParameterException(spec.commandLine(), "--server needs --data-dir");
      }
      return bench(server.replaceAll("/+$", ""), dataDir, HeapProbe.metrics(server), routes);
    }
    Path dir = Files.createTempDirectory("voxproof-bench-http");
    try (VoxProofServer s = VoxProofServer.start(ServerConfig.plain(dir, "127.0.0.1", 0))) {
      return bench(s.url(), dir, HeapProbe.inProcess(), routes);
    } finally {
      DemoSetup.deleteTree(dir);
    }
  }

  private List<String> routes() {
    return switch (route) {
      case "detect" -> List.of("detect");
      case "synthesize" -> List.of("synthesize");
      case "both" -> List.of("detect", "synthesize");
      default ->
          throw new ParameterException(
              spec.commandLine(), "--route must be detect, synthesize or both");
    };
  }

  /** Refuses any URL whose host is not a loopback address (every address it resolves to). */
  void requireLoopback(String url) {
    try {
      URI u = URI.create(url);
      if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      for (InetAddress a : InetAddress.getAllByName(u.getHost())) {
        if (!a.isLoopbackAddress()) {
          throw new ParameterException(
              spec.commandLine(),
              "--server " + url + ": not a loopback address (" + a.getHostAddress() + ")");
        }
      }
    } catch (IllegalArgumentException | java.net.UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), "--server " + url + ": " + e.getMessage());
    }
  }

  private int bench(String base, Path dir, HeapProbe heap, List<String> routes) throws Exception {
    var err = spec.commandLine().getErr();
    err.println("bench http: setting up an owner, a consent and one output on " + base);
    DemoSetup.Ready ready = DemoSetup.consented(base, dir, System.err);
    List<String> tokens = new ArrayList<>(List.of(ready.token()));
    if (routes.contains("synthesize")) {
      for (int k = 1; k < consentCount(); k++) {
        tokens.add(DemoSetup.consented(base, dir, k, System.err).token());
      }
    }
    List<HttpLoad.Result> results = new ArrayList<>();
    for (String r : routes) {
      List<HttpRequest> requests = requests(r, base, dir, ready, tokens);
      err.printf(
          "bench http: %s, %d connections, %d s warm-up + %d s measured%n",
          r, connections, warmup, seconds);
      HttpLoad.Result res =
          HttpLoad.run(r, requests, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), heap);
      err.println("bench http: " + HttpBenchReport.line(res));
      results.add(res);
    }
    HttpBenchReport.table(err, results);
    err.flush();
    Json.print(System.out, HttpBenchReport.json(base, connections, results));
    boolean clean = results.stream().allMatch(x -> x.count5xx() == 0 && x.ioErrors() == 0);
    return clean ? 0 : 1;
  }

  /** Consents needed so the daily character quota (20,000 by default) outlasts the run. */
  int consentCount() {
    if (consents != null) {
      return consents;
    }
    double chars = (warmup + seconds) * 40.0 * TEXT.length();
    return (int) Math.max(1, Math.min(DemoSetup.VARIANTS, Math.ceil(chars / 20_000)));
  }

  private List<HttpRequest> requests(
      String r, String base, Path dir, DemoSetup.Ready ready, List<String> tokens)
      throws Exception {
    List<HttpRequest> out = new ArrayList<>();
    String run = Long.toHexString(System.nanoTime());
    for (int i = 0; i < connections; i++) {
      if (r.equals("detect")) {
        String key = DemoSetup.newKey(dir, Role.PLATFORM, "bench-platform-" + run + "-" + i);
        out.add(
            HttpRequest.newBuilder(URI.create(base + "/v1/detect"))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "audio/wav")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ready.wav()))
                .build());
      } else {
        String key = DemoSetup.newKey(dir, Role.LICENSEE, "bench-licensee-" + run + "-" + i);
        String body =
            new JsonObject()
                .put("text", TEXT)
                .put("consentToken", tokens.get(i % tokens.size()))
                .put("language", "en")
                .put("purpose", DemoSetup.PURPOSE)
                .put("format", "wav")
                .encode();
        out.add(
            HttpRequest.newBuilder(URI.create(base + "/v1/synthesize"))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
      }
    }
    return out;
  }
}

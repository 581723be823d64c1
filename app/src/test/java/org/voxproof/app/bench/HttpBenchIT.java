package org.voxproof.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.voxproof.app.VoxProof;
import org.voxproof.app.cli.Json;
import org.voxproof.testkit.Tools;

/**
 * {@code voxproof bench http} for a few seconds on both routes of its own server: the summary has
 * both routes, answers, only 2xx, and heap readings; a target off loopback is refused (exit 2). No
 * figure is asserted (benchmarks measure, tests check behaviour).
 */
class HttpBenchIT {
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      int exit = VoxProof.execute(args);
      return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void benchHttp_bothRoutes_ownServer_allAnswered_no5xx() throws Exception {
    Tools.require("espeak-ng", "lame");
    Run r =
        run(
            "bench",
            "http",
            "--seconds",
            "2",
            "--warmup",
            "1",
            "--connections",
            "2",
            "--consents",
            "2");
    assertThat(r.exit()).as(r.err()).isZero();
    String[] lines = r.out().strip().split("\n");
    JsonNode j = Json.mapper().readTree(lines[lines.length - 1]);
    assertThat(j.get("server").asText()).startsWith("http://127.0.0.1:");
    assertThat(j.get("routes")).hasSize(2);
    for (JsonNode route : j.get("routes")) {
      assertThat(route.get("requests").asLong()).as(route.toString()).isPositive();
      assertThat(route.get("count5xx").asLong()).isZero();
      assertThat(route.get("connectionErrors").asLong()).isZero();
      assertThat(route.get("statuses").has("200")).as(route.toString()).isTrue();
      assertThat(route.get("p99Ms").asDouble())
          .isGreaterThanOrEqualTo(route.get("p50Ms").asDouble());
      assertThat(route.get("heap").get("maxMb").asDouble()).isPositive();
      assertThat(route.get("heap").get("samples").asInt()).isPositive();
    }
    assertThat(j.get("routes").get(0).get("route").asText()).isEqualTo("detect");
    assertThat(j.get("routes").get(1).get("route").asText()).isEqualTo("synthesize");
  }

  @Test
  void benchHttp_serverOffLoopback_refusedExit2() {
    Run r =
        run(
            "bench",
            "http",
            "--server",
            "http://192.0.2.10:8080",
            "--data-dir",
            "/nonexistent",
            "--seconds",
            "1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("not a loopback address");
    assertThat(run("bench", "http", "--route", "ledger").exit()).isEqualTo(2);
  }
}

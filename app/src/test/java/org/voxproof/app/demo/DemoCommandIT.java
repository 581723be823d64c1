package org.voxproof.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;
import org.voxproof.app.cli.Json;
import org.voxproof.app.server.Databases;
import org.voxproof.app.server.ServerConfig;
import org.voxproof.app.server.VoxProofServer;
import org.voxproof.http.auth.Role;
import org.voxproof.http.clients.ApiClients;
import org.voxproof.storage.Storage;
import org.voxproof.synth.engine.EspeakEngine;
import org.voxproof.testkit.Tools;

/**
 * {@code voxproof demo --json} end to end: a fresh run behaves at every step (exit 0); a run on a
 * data directory that already holds the owner's reference recording — from an earlier enrolment
 * that was never erased — is refused by the real anti-replay check at {@code samples} (exit 1, that
 * step named, the rest skipped).
 */
class DemoCommandIT {
  static final List<String> STEPS =
      List.of(
          "server",
          "api-keys",
          "enrolment",
          "invitation",
          "samples",
          "consent",
          "synthesize",
          "detect",
          "detect-mp3",
          "revoke",
          "synthesize-revoked",
          "detect-revoked",
          "erase",
          "detect-erased");

  @TempDir Path dir;

  @BeforeEach
  void tools() {
    Tools.require("espeak-ng", "lame");
  }

  private record Run(int exit, JsonNode json) {}

  private static Run demo(String... args) throws Exception {
    PrintStream real = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int exit;
    try {
      List<String> a = new ArrayList<>(List.of("demo", "--json"));
      a.addAll(List.of(args));
      exit = VoxProof.execute(a.toArray(String[]::new));
    } finally {
      System.setOut(real);
    }
    String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
    return new Run(exit, Json.mapper().readTree(lines[lines.length - 1]));
  }

  private static List<String> names(JsonNode json) {
    List<String> n = new ArrayList<>();
    json.get("steps").forEach(s -> n.add(s.get("step").asText()));
    return n;
  }

  private static String got(JsonNode json, String step) {
    for (JsonNode s : json.get("steps")) {
      if (s.get("step").asText().equals(step)) {
        return s.get("got").asText();
      }
    }
    throw new AssertionError("no step " + step);
  }

  @Test
  void demo_freshMachine_everyStepBehaves_exit0() throws Exception {
    Run r = demo();
    assertThat(r.exit()).as(r.json().toPrettyString()).isZero();
    assertThat(r.json().get("ok").asBoolean()).isTrue();
    assertThat(r.json().get("failedStep").isNull()).isTrue();
    assertThat(r.json().get("speech").asText()).startsWith("demo-made").contains("espeak-ng");
    assertThat(r.json().get("dataDir").isNull()).as("temporary data directory removed").isTrue();
    assertThat(names(r.json())).containsExactlyElementsOf(STEPS);
    r.json()
        .get("steps")
        .forEach(s -> assertThat(s.get("ok").asBoolean()).as(s.toString()).isTrue());
    assertThat(got(r.json(), "server")).startsWith("http://127.0.0.1:");
    assertThat(got(r.json(), "detect")).startsWith("verified-synthetic").endsWith("consent active");
    assertThat(got(r.json(), "detect-mp3")).contains("synthetic-manifest-stripped");
    assertThat(got(r.json(), "synthesize-revoked")).startsWith("403 consent_revoked");
    assertThat(got(r.json(), "detect-revoked")).endsWith("consent revoked");
    assertThat(got(r.json(), "erase")).contains("receipt verified");
    assertThat(got(r.json(), "detect-erased")).endsWith("consent erased");
  }

  @Test
  void demo_dataDirAlreadyHoldsTheOwnersRecording_replayRefusedAtSamples_exit1() throws Exception {
    Path data = dir.resolve("data");
    enrolOneDemoSample(data);

    Run r = demo("--data-dir", data.toString());

    assertThat(r.exit()).as(r.json().toPrettyString()).isEqualTo(1);
    assertThat(r.json().get("ok").asBoolean()).isFalse();
    assertThat(r.json().get("failedStep").asText()).isEqualTo("samples");
    assertThat(got(r.json(), "samples")).contains("422 sample_refused").contains("replay");
    assertThat(r.json().get("dataDir").asText()).isEqualTo(data.toAbsolutePath().toString());
    assertThat(names(r.json())).containsExactlyElementsOf(STEPS);
    List<String> after = names(r.json()).subList(STEPS.indexOf("consent"), STEPS.size());
    for (String step : after) {
      assertThat(got(r.json(), step)).as(step).isEqualTo("skipped");
    }
  }

  @Test
  void demo_unknownOption_exit2() throws Exception {
    PrintStream real = System.err;
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      assertThat(VoxProof.execute("demo", "--no-such-option")).isEqualTo(2);
    } finally {
      System.setErr(real);
    }
  }

  /**
   * Through the real API: an owner enrolled on {@code data} whose first reference sample is the
   * demo's own first recording (espeak-ng is deterministic), left in place.
   */
  private static void enrolOneDemoSample(Path data) throws Exception {
    try (VoxProofServer server = VoxProofServer.start(ServerConfig.plain(data, "127.0.0.1", 0))) {
      String key;
      try (Storage db = Databases.open(data, null)) {
        key =
            ApiClients.open(db)
                .create("earlier-bank", Role.LICENSEE, "Earlier Bank", Duration.ofDays(1))
                .key();
      }
      DemoHttp http = new DemoHttp(server.url());
      JsonObject body =
          new JsonObject()
              .put("ownerName", "Bob Jones")
              .put("purposes", new JsonArray().add("notifications"))
              .put("languages", new JsonArray().add("en"))
              .put("validDays", 30);
      JsonObject e = http.json("POST", "/v1/enrollments", key, body).json();
      String owner =
          http.json(
                  "POST",
                  "/v1/enrollments/" + e.getString("id") + "/owner",
                  e.getString("invitation"),
                  null)
              .json()
              .getString("ownerSecret");
      byte[] sample =
          new DemoSpeech(EspeakEngine.findOnPath().orElseThrow())
              .say(DemoSpeech.SAMPLE_TEXTS.get(0));
      DemoHttp.Reply r =
          http.send(
              "POST",
              "/v1/enrollments/" + e.getString("id") + "/samples",
              owner,
              "audio/wav",
              sample);
      assertThat(r.status()).as(r.text()).isEqualTo(201);
    }
  }
}

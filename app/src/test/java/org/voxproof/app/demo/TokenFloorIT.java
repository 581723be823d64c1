package org.voxproof.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.server.OpsConfig;
import org.voxproof.app.server.Profile;
import org.voxproof.app.server.ServerConfig;
import org.voxproof.app.server.VoxProofServer;
import org.voxproof.http.auth.Role;
import org.voxproof.http.clients.ApiClients;
import org.voxproof.storage.Storage;
import org.voxproof.synth.engine.EspeakEngine;
import org.voxproof.testkit.Tools;

/**
 * The production profile's token floor (DESIGN.md "Assurance"): on the built-in checks (no speaker
 * or anti-spoofing model, so at most assurance {@code basic}) a spoken consent that passes every
 * check is still refused — 422 with the single reason {@code assurance} — and no token exists for
 * the enrolment afterwards. (The start-up requirements are {@code ProductionRequirementsTest}'s;
 * this server skips them to reach the floor on SQLite and HTTP.)
 */
class TokenFloorIT {
  @TempDir Path dir;

  @Test
  void production_consentAtAssuranceBasic_refusedWithReasonAssurance_noToken() throws Exception {
    Tools.require("espeak-ng");
    Path data = dir.resolve("data");
    OpsConfig production = OpsConfig.defaults().withProfile(Profile.PRODUCTION);
    ServerConfig config =
        new ServerConfig(data, "127.0.0.1", 0, null, null, Duration.ofSeconds(5), null);
    DemoSpeech speech = new DemoSpeech(EspeakEngine.findOnPath().orElseThrow());
    try (VoxProofServer server = VoxProofServer.start(config, production)) {
      String licensee;
      try (Storage db = Storage.builder().embedded(data).open()) {
        licensee =
            ApiClients.open(db)
                .create("bank", Role.LICENSEE, "Acme Bank", Duration.ofDays(1))
                .key();
      }
      DemoHttp http = new DemoHttp(server.url());
      JsonObject body =
          new JsonObject()
              .put("ownerName", "Alice Smith")
              .put("purposes", new JsonArray().add("notifications"))
              .put("languages", new JsonArray().add("en"))
              .put("validDays", 30);
      DemoHttp.Reply e = http.json("POST", "/v1/enrollments", licensee, body);
      assertThat(e.status()).as(e.summary()).isEqualTo(201);
      String id = e.json().getString("id");
      DemoHttp.Reply o =
          http.json(
              "POST", "/v1/enrollments/" + id + "/owner", e.json().getString("invitation"), null);
      String owner = o.json().getString("ownerSecret");
      for (String text : DemoSpeech.SAMPLE_TEXTS) {
        DemoHttp.Reply s =
            http.send(
                "POST", "/v1/enrollments/" + id + "/samples", owner, "audio/wav", speech.say(text));
        assertThat(s.status()).as(s.summary()).isEqualTo(201);
      }
      // The phrase check may mishear an espeak-ng take (docs/consent.md): take again, as the demo
      // does, until the only reason left is the floor's.
      List<String> refusals = new ArrayList<>();
      JsonArray reasons = null;
      for (int take = 0; take < DemoStory.CONSENT_ATTEMPTS && reasons == null; take++) {
        DemoHttp.Reply ch = http.json("POST", "/v1/enrollments/" + id + "/challenge", owner, null);
        assertThat(ch.status()).as(ch.summary()).isEqualTo(201);
        DemoHttp.Reply c =
            http.send(
                "POST",
                "/v1/enrollments/" + id + "/consent",
                owner,
                "audio/wav",
                speech.say(ch.json().getString("phrase")));
        assertThat(c.status()).as("never a token below high: " + c.summary()).isEqualTo(422);
        JsonArray r = c.json().getJsonArray("reasons");
        refusals.add(r.encode());
        if (r.contains("assurance")) {
          reasons = r;
        }
      }
      assertThat(reasons).as(refusals.toString()).isNotNull();
      assertThat(reasons.getList()).containsExactly("assurance");
      DemoHttp.Reply view = http.json("GET", "/v1/enrollments/" + id, owner, null);
      assertThat(view.json().getString("status")).isEqualTo("open");
      assertThat(view.json().getString("token")).isNull();
    }
  }
}

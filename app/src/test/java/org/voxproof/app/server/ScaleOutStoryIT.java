package org.voxproof.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voxproof.app.server.ScaleOutTest.assertUnavailable;
import static org.voxproof.app.server.ScaleOutTest.detect;
import static org.voxproof.app.server.ScaleOutTest.json;
import static org.voxproof.app.server.ScaleOutTest.synthesize;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.server.Topology.Part;
import org.voxproof.http.auth.Role;
import org.voxproof.testkit.Tools;

/**
 * The consent story on four {@code serve --only} nodes over TLS: a licensee enrols an owner on the
 * consent node, who records reference samples and speaks the consent phrase (espeak-ng speech, the
 * real checks) → a consent token; the synth node makes audio under it (recorded on the ledger
 * node); the detector node says {@code verified-synthetic} with consent {@code active}; with the
 * ledger node down the consent node's revocation is 503 {@code ledger_unavailable}; once it is back
 * the owner revokes on the consent node → the synth node refuses the token ({@code
 * consent_revoked}, within the status list's 1 s ttl) and the detector node reports {@code
 * revoked}.
 */
class ScaleOutStoryIT {
  static final String VOICE = "en-us+m3";
  static final List<String> SAMPLE_TEXTS =
      List.of(
          "The quick brown fox jumps over the lazy dog while the farmer watches from the gate.",
          "Every morning I walk to the station and buy a newspaper and a cup of coffee.",
          "Please call me back tomorrow afternoon, I would like to talk about the garden.");

  /** Fresh challenges a lone phrase_mismatch may use up (the phrase check fails closed). */
  static final int TAKES = 4;

  @TempDir Path dir;

  @Test
  void consentSynthDetectRevoke_acrossFourNodes() throws Exception {
    Tools.require("espeak-ng");
    try (Cluster c = new Cluster(dir).startAll()) {
      String consent = c.url(Part.CONSENT);
      String licenseeAtConsent = c.key(Part.CONSENT, "bank-app", Role.LICENSEE, "Acme Bank");
      String[] enrolment = enrol(c, consent, licenseeAtConsent);
      String owner = enrolment[1];
      JsonObject consented = consent(c, consent, enrolment);
      String token = consented.getString("token");

      String licensee = c.key(Part.SYNTH, "bank-app", Role.LICENSEE, "Acme Bank");
      HttpResponse<byte[]> made = c.send(synthesize(c.url(Part.SYNTH), licensee, token));
      assertThat(made.statusCode()).as(text(made)).isEqualTo(200);
      String index = made.headers().firstValue("X-VoxProof-Ledger-Index").orElseThrow();
      HttpResponse<byte[]> entry =
          c.send(ScaleOutTest.get(c.url(Part.LEDGER) + "/v1/ledger/entries/" + index, null));
      assertThat(entry.statusCode()).isEqualTo(200);

      String platform = c.key(Part.DETECTOR, "platform", Role.PLATFORM, "Platform");
      JsonObject report = json(c.send(detect(c.url(Part.DETECTOR), platform, made.body())));
      assertThat(report.getString("verdict")).as(report.encode()).isEqualTo("verified-synthetic");
      assertThat(report.getJsonObject("consent").getString("status")).isEqualTo("active");

      String revoke = consent + "/v1/consents/" + consented.getString("consentId") + "/revoke";
      c.stop(Part.LEDGER);
      assertUnavailable(c.send(post(revoke, owner, null)), "ledger_unavailable");
      c.start(Part.LEDGER);
      HttpResponse<byte[]> revoked = c.send(post(revoke, owner, null));
      assertThat(revoked.statusCode()).as(text(revoked)).isIn(200, 409);
      // A 409 would mean the first attempt revoked it before the ledger failed: then the status
      // must say so too.
      HttpResponse<byte[]> view =
          c.send(
              ScaleOutTest.get(
                  consent + "/v1/consents/" + consented.getString("consentId"), owner));
      assertThat(json(view).getString("status")).as(text(view)).isEqualTo("revoked");

      HttpResponse<byte[]> refused =
          ScaleOutTest.untilNot200(c, synthesize(c.url(Part.SYNTH), licensee, token));
      assertThat(refused.statusCode()).as(text(refused)).isEqualTo(403);
      assertThat(json(refused).getJsonArray("reasons").getList())
          .containsExactly("consent_revoked");
      JsonObject after = json(c.send(detect(c.url(Part.DETECTOR), platform, made.body())));
      assertThat(after.getString("verdict")).isEqualTo("verified-synthetic");
      assertThat(after.getJsonObject("consent").getString("status")).isEqualTo("revoked");
    }
  }

  /** {id, ownerSecret} of an enrolment with three reference samples. */
  private static String[] enrol(Cluster c, String consent, String licensee) throws Exception {
    JsonObject body =
        new JsonObject()
            .put("ownerName", "Alice Smith")
            .put("purposes", new JsonArray().add("notifications"))
            .put("languages", new JsonArray().add("en"))
            .put("validDays", 30);
    HttpResponse<byte[]> e = c.send(post(consent + "/v1/enrollments", licensee, body));
    assertThat(e.statusCode()).as(text(e)).isEqualTo(201);
    String id = json(e).getString("id");
    HttpResponse<byte[]> o =
        c.send(
            post(
                consent + "/v1/enrollments/" + id + "/owner",
                json(e).getString("invitation"),
                null));
    assertThat(o.statusCode()).as(text(o)).isEqualTo(201);
    String owner = json(o).getString("ownerSecret");
    for (String t : SAMPLE_TEXTS) {
      HttpResponse<byte[]> s =
          c.send(audio(consent + "/v1/enrollments/" + id + "/samples", owner, say(t)));
      assertThat(s.statusCode()).as(text(s)).isEqualTo(201);
    }
    return new String[] {id, owner};
  }

  /** Speaks fresh challenges until one passes (a lone phrase_mismatch is retried). */
  private static JsonObject consent(Cluster c, String consent, String[] e) throws Exception {
    HttpResponse<byte[]> last = null;
    for (int take = 0; take < TAKES; take++) {
      HttpResponse<byte[]> ch =
          c.send(post(consent + "/v1/enrollments/" + e[0] + "/challenge", e[1], null));
      assertThat(ch.statusCode()).as(text(ch)).isEqualTo(201);
      byte[] speech = say(json(ch).getString("phrase"));
      last = c.send(audio(consent + "/v1/enrollments/" + e[0] + "/consent", e[1], speech));
      if (last.statusCode() == 201) {
        return json(last);
      }
      JsonArray reasons = json(last).getJsonArray("reasons");
      if (last.statusCode() != 422
          || reasons == null
          || !reasons.getList().equals(List.of("phrase_mismatch"))) {
        break;
      }
    }
    throw new AssertionError("no consent: " + text(last));
  }

  private static HttpRequest.Builder post(String url, String bearer, JsonObject body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer);
    if (body == null) {
      return b.POST(HttpRequest.BodyPublishers.noBody());
    }
    return b.header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
  }

  private static HttpRequest.Builder audio(String url, String bearer, byte[] wav) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + bearer)
        .header("Content-Type", "audio/wav")
        .POST(HttpRequest.BodyPublishers.ofByteArray(wav));
  }

  private static String text(HttpResponse<byte[]> r) {
    return r == null ? "none" : r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8);
  }

  /** WAV of {@code text} read deliberately (140 wpm, 80 ms between words), as the demo does. */
  static byte[] say(String text) throws IOException, InterruptedException {
    Path out = Files.createTempFile("scaleout-speech", ".wav");
    try {
      Process p =
          new ProcessBuilder(
                  "espeak-ng",
                  "-v",
                  VOICE,
                  "-s",
                  "140",
                  "-g",
                  "8",
                  "-w",
                  out.toString(),
                  "--stdin",
                  "-b",
                  "1")
              .redirectErrorStream(true)
              .start();
      try (var in = p.getOutputStream()) {
        in.write(text.getBytes(StandardCharsets.UTF_8));
      }
      p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("espeak-ng failed");
      }
      return Files.readAllBytes(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}

package org.voxproof.consent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voxproof.http.TestServers.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.consent.checks.DefaultConsentChecks;
import org.voxproof.consent.checks.FingerprintMatch;
import org.voxproof.consent.token.ConsentVerifier;
import org.voxproof.consent.token.TokenKeySource;
import org.voxproof.consent.token.VerifiedConsent;
import org.voxproof.policy.Assurance;
import org.voxproof.provenance.KeyRing;
import org.voxproof.storage.Storage;
import org.voxproof.testkit.Tools;

/**
 * End to end over HTTP with the real checks ({@code DefaultConsentChecks}: Sphinx4 phrase check,
 * keyed landmark fingerprints, watermark detector, speaker baseline) and real espeak-ng speech: a
 * full enrolment passes and its token verifies; a different text fails {@code phrase_mismatch}; the
 * same consent recording sent again fails {@code replay}.
 */
@ExtendWith(VertxExtension.class)
class RealChecksConsentIT {
  static final String VOICE = "en-us+m3";
  static final List<String> SAMPLE_TEXTS =
      List.of(
          "The quick brown fox jumps over the lazy dog while the farmer watches from the gate.",
          "Every morning I walk to the station and buy a newspaper and a cup of coffee.",
          "Please call me back tomorrow afternoon, I would like to talk about the garden.");
  static final List<String> OTHER_TEXTS =
      List.of(
          "Yesterday the children painted the fence green and then they played football outside.",
          "My sister lives near the harbour, and on Sundays we eat fish at the old market hall.",
          "The train to the mountains leaves at nine, so remember to pack your boots and a coat.");

  @TempDir Path dir;
  ConsentServer s;
  String licensee;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    Tools.require("espeak-ng");
    KeyRing ring = KeyRing.builder().dataDirectory(dir).password("test-pw".toCharArray()).open();
    DefaultConsentChecks checks =
        DefaultConsentChecks.builder()
            .fingerprintKey(ConsentModule.fingerprintKey(dir))
            .watermarkKeys(ring.watermarkKeys())
            .random(seeded())
            .build();
    s =
        new ConsentServer(
            vertx,
            dir,
            Storage.builder().embedded(dir).open(),
            checks,
            null,
            FingerprintMatch::matches);
    licensee = s.licenseeKey("bank-app", "Acme Bank");
  }

  @AfterEach
  void stop() throws Exception {
    s.close();
    s.db.close();
  }

  /** {id, ownerSecret} of an open enrolment with three espeak-ng reference samples. */
  String[] enrolled(String voice, List<String> texts) throws Exception {
    JsonObject body =
        new JsonObject()
            .put("ownerName", "Alice Smith")
            .put("purposes", new JsonArray().add("customer_service"))
            .put("languages", new JsonArray().add("en"))
            .put("validDays", 30);
    JsonObject e = new JsonObject(s.json("POST", "/v1/enrollments", licensee, body).body());
    String id = e.getString("id");
    HttpResponse<String> o =
        s.send("POST", "/v1/enrollments/" + id + "/owner", e.getString("invitation"), null, null);
    String owner = new JsonObject(o.body()).getString("ownerSecret");
    for (String text : texts) {
      HttpResponse<String> r =
          s.audio("/v1/enrollments/" + id + "/samples", owner, say(voice, text));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    return new String[] {id, owner};
  }

  String challenge(String[] e) throws Exception {
    HttpResponse<String> r =
        s.send("POST", "/v1/enrollments/" + e[0] + "/challenge", e[1], null, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return new JsonObject(r.body()).getString("phrase");
  }

  @Test
  void espeakVoice_fullEnrolmentPasses_thenDifferentWordsAndAReplayAreRefused() throws Exception {
    String[] e = enrolled(VOICE, SAMPLE_TEXTS);
    String phrase = challenge(e);
    assertThat(phrase).as(phrase).contains("Alice Smith").contains("Acme Bank");
    byte[] consent = say(VOICE, phrase);
    HttpResponse<String> c = s.audio("/v1/enrollments/" + e[0] + "/consent", e[1], consent);
    assertThat(c.statusCode()).as(phrase + " → " + c.body()).isEqualTo(201);
    VerifiedConsent v =
        ConsentVerifier.builder()
            .issuer(s.base)
            .keys(TokenKeySource.of(s.ring))
            .statusSource(s.service.statusLists())
            .build()
            .verify(new JsonObject(c.body()).getString("token"), "Acme Bank");
    assertThat(v.assurance()).isEqualTo(Assurance.BASIC);

    String[] f = enrolled(VOICE, OTHER_TEXTS);
    challenge(f);
    JsonObject wrong =
        assertProblem(
            s.audio(
                "/v1/enrollments/" + f[0] + "/consent",
                f[1],
                say(VOICE, "I do not agree to anything, and I would like a cup of tea please.")),
            422,
            "consent_refused");
    assertThat(wrong.getJsonArray("reasons").getList()).contains("phrase_mismatch");
    challenge(f);
    JsonObject replay =
        assertProblem(
            s.audio("/v1/enrollments/" + f[0] + "/consent", f[1], consent), 422, "consent_refused");
    assertThat(replay.getJsonArray("reasons").getList()).contains("replay");
  }

  /**
   * The challenge's random words from a fixed seed: the phrase check is right on most, not all,
   * espeak-ng phrases (docs/consent.md), and this test is about the HTTP flow, not that accuracy.
   */
  static java.security.SecureRandom seeded() throws java.security.GeneralSecurityException {
    java.security.SecureRandom r = java.security.SecureRandom.getInstance("SHA1PRNG");
    r.setSeed(SEED);
    return r;
  }

  static final long SEED = 1;

  static byte[] say(String voice, String text) throws IOException, InterruptedException {
    Path out = Files.createTempFile("capi-speech", ".wav");
    try {
      List<String> cmd =
          new ArrayList<>(List.of("espeak-ng", "-v", voice, "-w", out.toString(), text));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
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

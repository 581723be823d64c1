package org.voxproof.consent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.voxproof.http.TestServers.assertProblem;

import com.nimbusds.jose.JWSObject;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.audio.WavWriter;
import org.voxproof.consent.token.ConsentRevokedException;
import org.voxproof.consent.token.ConsentVerifier;
import org.voxproof.consent.token.TokenKeySource;
import org.voxproof.consent.token.VerifiedConsent;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.RecordKind;
import org.voxproof.storage.Storage;

/**
 * The consent API's state machine over HTTP, with the scripted checks double; run on SQLite and
 * PostgreSQL ({@link SqliteConsentApiTest}, {@link PostgresConsentApiTest}).
 */
@ExtendWith(VertxExtension.class)
abstract class ConsentApiContractTest {
  static final String OWNER = "Ada Lovelace-Byron";

  @TempDir Path dir;
  ConsentServer s;
  ScriptedConsentChecks checks = new ScriptedConsentChecks();
  String licensee;
  private final Random random = new Random(7);

  abstract Storage open(Path dir) throws Exception;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    s = new ConsentServer(vertx, dir, open(dir), checks, null);
    licensee = s.licenseeKey("bank-app", "Acme Bank");
  }

  @AfterEach
  void stop() throws Exception {
    s.close();
    s.db.close();
  }

  /** A noisy tone of {@code seconds}, different on every call. */
  byte[] wav(double seconds) {
    int rate = 16000;
    float[] x = new float[(int) (seconds * rate)];
    double f = 120 + random.nextInt(200);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.3 * Math.sin(2 * Math.PI * f * i / rate) + 0.05 * random.nextGaussian());
    }
    return WavWriter.pcm16().toBytes(new float[][] {x}, rate);
  }

  JsonObject enrolment(String... languages) {
    return new JsonObject()
        .put("ownerName", OWNER)
        .put("purposes", new JsonArray().add("customer_service"))
        .put(
            "languages",
            new JsonArray(List.of(languages.length == 0 ? new String[] {"en"} : languages)))
        .put("validDays", 30);
  }

  /** Enrols, redeems; returns {id, ownerSecret}. */
  String[] openEnrolment() throws Exception {
    HttpResponse<String> r = s.json("POST", "/v1/enrollments", licensee, enrolment());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonObject e = new JsonObject(r.body());
    HttpResponse<String> o =
        s.send(
            "POST",
            "/v1/enrollments/" + e.getString("id") + "/owner",
            e.getString("invitation"),
            null,
            null);
    assertThat(o.statusCode()).as(o.body()).isEqualTo(201);
    return new String[] {e.getString("id"), new JsonObject(o.body()).getString("ownerSecret")};
  }

  void addSamples(String id, String owner) throws Exception {
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = s.audio("/v1/enrollments/" + id + "/samples", owner, wav(3.0));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
  }

  /** A consented enrolment: {id, ownerSecret, consentId, voiceId, token}. */
  String[] consented() throws Exception {
    String[] e = openEnrolment();
    addSamples(e[0], e[1]);
    assertThat(
            s.send("POST", "/v1/enrollments/" + e[0] + "/challenge", e[1], null, null).statusCode())
        .isEqualTo(201);
    HttpResponse<String> c = s.audio("/v1/enrollments/" + e[0] + "/consent", e[1], wav(4));
    assertThat(c.statusCode()).as(c.body()).isEqualTo(201);
    JsonObject j = new JsonObject(c.body());
    return new String[] {
      e[0], e[1], j.getString("consentId"), j.getString("voiceId"), j.getString("token")
    };
  }

  ConsentVerifier verifier() {
    return ConsentVerifier.builder()
        .issuer(s.base)
        .keys(TokenKeySource.of(s.ring))
        .statusSource(s.service.statusLists())
        .build();
  }

  @Test
  void fullEnrolment_issuesATokenTheVerifierAccepts_andTheLicenseeReadsIt() throws Exception {
    HttpResponse<String> r = s.json("POST", "/v1/enrollments", licensee, enrolment("en", "zh"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonObject e = new JsonObject(r.body());
    String id = e.getString("id");
    assertThat(e.getString("consentUrl"))
        .startsWith(s.base + "/consent/" + id)
        .contains(e.getString("invitation"));
    assertThat(
            new JsonObject(s.json("GET", "/v1/enrollments/" + id, licensee, null).body())
                .getString("status"))
        .isEqualTo("invited");
    HttpResponse<String> o =
        s.send("POST", "/v1/enrollments/" + id + "/owner", e.getString("invitation"), null, null);
    assertThat(o.statusCode()).isEqualTo(201);
    String owner = new JsonObject(o.body()).getString("ownerSecret");
    assertThat(owner).startsWith("vxo_" + id + "_");
    HttpResponse<String> sample = s.audio("/v1/enrollments/" + id + "/samples", owner, wav(3.5));
    assertThat(sample.statusCode()).isEqualTo(201);
    assertThat(new JsonObject(sample.body()).getDouble("durationSeconds")).isBetween(3.4, 3.6);
    assertThat(new JsonObject(sample.body()).getString("sampleId")).startsWith("smp-");
    assertProblem(
        s.send("POST", "/v1/enrollments/" + id + "/challenge", owner, null, null),
        409,
        "samples_missing");
    addSamples(id, owner);
    HttpResponse<String> ch =
        s.json(
            "POST",
            "/v1/enrollments/" + id + "/challenge",
            owner,
            new JsonObject().put("language", "zh"));
    assertThat(ch.statusCode()).as(ch.body()).isEqualTo(201);
    JsonObject challenge = new JsonObject(ch.body());
    assertThat(challenge.getString("phrase"))
        .contains(OWNER)
        .contains("Acme Bank")
        .contains("apple");
    assertThat(java.time.Instant.parse(challenge.getString("expiresAt")))
        .isEqualTo(s.clock.instant().plusSeconds(120));
    HttpResponse<String> c = s.audio("/v1/enrollments/" + id + "/consent", owner, wav(4));
    assertThat(c.statusCode()).as(c.body()).isEqualTo(201);
    JsonObject given = new JsonObject(c.body());
    assertThat(checks.answered.get(0).language()).isEqualTo("zh");
    VerifiedConsent v = verifier().verify(given.getString("token"), "Acme Bank");
    assertThat(v.voiceId()).isEqualTo(given.getString("voiceId"));
    assertThat(v.consentId()).isEqualTo(given.getString("consentId"));
    assertThat(v.purposes()).containsExactly("customer_service");
    assertThat(v.languages()).containsExactly("en", "zh");
    JsonObject view = new JsonObject(s.json("GET", "/v1/enrollments/" + id, licensee, null).body());
    assertThat(view.getString("status")).isEqualTo("consented");
    assertThat(view.getString("token")).isEqualTo(given.getString("token"));
    assertThat(view.getString("voiceId")).isEqualTo(given.getString("voiceId"));
    JsonObject rec =
        new JsonObject(
            s.json("GET", "/v1/consents/" + view.getString("consentId"), owner, null).body());
    assertThat(rec.getString("status")).isEqualTo("active");
    assertThat(rec.getString("licensee")).isEqualTo("Acme Bank");
    assertThat(s.service.statusOfCommitment(v.commitment())).contains("active");
    assertThat(s.service.disclosureOfCommitment(v.commitment()))
        .contains(new ConsentService.Disclosed("Acme Bank", view.getString("consentId")));
    assertThat(s.service.disclosureOfCommitment(new byte[32])).isEmpty();
    // an entry no token was issued with is refused, not "valid"
    assertThatThrownBy(() -> s.service.statusLists().status(s.base + "/v1/status-lists/1", 5000))
        .isInstanceOf(org.voxproof.consent.token.InvalidTokenException.class);
  }

  @Test
  void invitation_cannotBeRedeemedTwice() throws Exception {
    JsonObject e = new JsonObject(s.json("POST", "/v1/enrollments", licensee, enrolment()).body());
    String path = "/v1/enrollments/" + e.getString("id") + "/owner";
    assertThat(s.send("POST", path, e.getString("invitation"), null, null).statusCode())
        .isEqualTo(201);
    assertProblem(
        s.send("POST", path, e.getString("invitation"), null, null), 409, "invitation_used");
    // the invitation is good for nothing else
    assertProblem(
        s.json("GET", "/v1/enrollments/" + e.getString("id"), e.getString("invitation"), null),
        403,
        "forbidden");
  }

  @Test
  void anotherLicensee_orAnotherOwner_getsNotFound() throws Exception {
    String[] e = openEnrolment();
    String other = s.licenseeKey("other-app", "Other Bank");
    assertProblem(s.json("GET", "/v1/enrollments/" + e[0], other, null), 404, "not_found");
    String[] f = openEnrolment();
    assertProblem(s.json("GET", "/v1/enrollments/" + e[0], f[1], null), 404, "not_found");
    assertProblem(s.audio("/v1/enrollments/" + e[0] + "/samples", f[1], wav(3)), 404, "not_found");
    assertProblem(
        s.json("GET", "/v1/enrollments/enr-000000000000000000000000", licensee, null),
        404,
        "not_found");
  }

  @Test
  void lateAnswer_isRefusedAsExpired_andAChallengeAnswersOnce() throws Exception {
    String[] e = openEnrolment();
    addSamples(e[0], e[1]);
    assertThat(
            s.send("POST", "/v1/enrollments/" + e[0] + "/challenge", e[1], null, null).statusCode())
        .isEqualTo(201);
    s.clock.advance(Duration.ofSeconds(121));
    JsonObject p =
        assertProblem(
            s.audio("/v1/enrollments/" + e[0] + "/consent", e[1], wav(4)), 422, "consent_refused");
    assertThat(p.getJsonArray("reasons").getList()).containsExactly("expired");
    // used: a second answer to the same challenge is expired too, even in time
    JsonObject again =
        assertProblem(
            s.audio("/v1/enrollments/" + e[0] + "/consent", e[1], wav(4)), 422, "consent_refused");
    assertThat(again.getJsonArray("reasons").getList()).contains("expired");
  }

  @Test
  void newChallenge_voidsTheOld_andEveryFailedCheckIsNamed() throws Exception {
    String[] e = openEnrolment();
    addSamples(e[0], e[1]);
    s.send("POST", "/v1/enrollments/" + e[0] + "/challenge", e[1], null, null);
    s.send("POST", "/v1/enrollments/" + e[0] + "/challenge", e[1], null, null);
    checks.failNext("phrase_mismatch", "speaker_mismatch");
    JsonObject p =
        assertProblem(
            s.audio("/v1/enrollments/" + e[0] + "/consent", e[1], wav(4)), 422, "consent_refused");
    assertThat(p.getJsonArray("reasons").getList())
        .containsExactly("phrase_mismatch", "speaker_mismatch");
    assertThat(checks.answered).hasSize(1);
  }

  @Test
  void replayedSample_isRefused() throws Exception {
    String[] e = openEnrolment();
    byte[] a = wav(3);
    assertThat(s.audio("/v1/enrollments/" + e[0] + "/samples", e[1], a).statusCode())
        .isEqualTo(201);
    JsonObject p =
        assertProblem(
            s.audio("/v1/enrollments/" + e[0] + "/samples", e[1], a), 422, "sample_refused");
    assertThat(p.getJsonArray("reasons").getList()).containsExactly("replay");
  }

  @Test
  void revoke_verifierRefusesAtOnce_ledgerRecordAndSignedReceipt() throws Exception {
    String[] c = consented();
    ConsentVerifier v = verifier();
    VerifiedConsent ok = v.verify(c[4], "Acme Bank");
    HttpResponse<String> r = s.send("POST", "/v1/consents/" + c[2] + "/revoke", c[1], null, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject j = new JsonObject(r.body());
    assertThat(j.getString("status")).isEqualTo("revoked");
    assertThatThrownBy(() -> v.verify(c[4], "Acme Bank"))
        .isInstanceOf(ConsentRevokedException.class);
    JWSObject receipt = JWSObject.parse(j.getString("receipt"));
    assertThat(
            receipt.verify(
                s.ring.tokenKeys().verifier(receipt.getHeader().getKeyID()).orElseThrow()))
        .isTrue();
    assertThat(receipt.getPayload().toJSONObject())
        .containsEntry("action", "revoked")
        .containsEntry("consent_id", c[2]);
    assertThat(receipt.getPayload().toString()).doesNotContain(OWNER);
    List<LedgerEntry> entries = s.ledger.findByCommitment(ok.commitment());
    assertThat(entries).extracting(x -> x.record().kind()).containsExactly(RecordKind.REVOCATION);
    assertThat(
            new JsonObject(s.json("GET", "/v1/consents/" + c[2], licensee, null).body())
                .getString("status"))
        .isEqualTo("revoked");
    assertThat(
            new JsonObject(s.json("GET", "/v1/enrollments/" + c[0], licensee, null).body())
                .getString("status"))
        .isEqualTo("closed");
    // idempotent
    assertThat(s.send("POST", "/v1/consents/" + c[2] + "/revoke", c[1], null, null).statusCode())
        .isEqualTo(200);
    assertThat(s.ledger.findByCommitment(ok.commitment())).hasSize(1);
    // the licensee may not revoke
    assertProblem(
        s.send("POST", "/v1/consents/" + c[2] + "/revoke", licensee, null, null), 403, "forbidden");
  }

  @Test
  void uses_listsTheVoicesSynthesesFromTheLedger() throws Exception {
    String[] c = consented();
    VerifiedConsent v = verifier().verify(c[4], "Acme Bank");
    s.ledger.append(
        LedgerRecord.synthesis(
            "8e1c6a5e-0000-4000-8000-000000000001",
            new byte[] {1, 2, 3, 4},
            new byte[32],
            new byte[32],
            v.commitment(),
            "lp-00112233445566778899aabbccddeeff",
            "espeak/en",
            "notifications",
            s.clock.instant()));
    HttpResponse<String> r = s.json("GET", "/v1/voices/" + c[3] + "/uses", c[1], null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonArray uses = new JsonObject(r.body()).getJsonArray("uses");
    assertThat(uses).hasSize(1);
    assertThat(uses.getJsonObject(0).getString("manifestId"))
        .isEqualTo("8e1c6a5e-0000-4000-8000-000000000001");
    assertThat(uses.getJsonObject(0).getString("licensee"))
        .isEqualTo("lp-00112233445566778899aabbccddeeff");
    assertThat(uses.getJsonObject(0).getString("purpose")).isEqualTo("notifications");
    assertProblem(s.json("GET", "/v1/voices/" + c[3] + "/uses", licensee, null), 403, "forbidden");
  }

  @Test
  void erasure_revokesEverything_recordsIt_andTellsListeners() throws Exception {
    String[] c = consented();
    VerifiedConsent v = verifier().verify(c[4], "Acme Bank");
    HttpResponse<String> r = s.send("DELETE", "/v1/voices/" + c[3], c[1], null, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject j = new JsonObject(r.body());
    assertThat(j.getString("status")).isEqualTo("erased");
    assertThatThrownBy(() -> verifier().verify(c[4], "Acme Bank"))
        .isInstanceOf(ConsentRevokedException.class);
    assertThat(s.ledger.findByCommitment(v.commitment()))
        .extracting(x -> x.record().kind())
        .containsExactly(RecordKind.ERASURE);
    assertThat(s.erasures).hasSize(1);
    assertThat(s.erasures.get(0).voiceId()).isEqualTo(c[3]);
    assertThat(s.erasures.get(0).commitments())
        .containsExactly(HexFormat.of().formatHex(v.commitment()));
    assertThat(s.service.statusOfCommitment(v.commitment())).contains("erased");
    assertThat(
            new JsonObject(s.json("GET", "/v1/consents/" + c[2], c[1], null).body())
                .getString("status"))
        .isEqualTo("erased");
    List<String> samples =
        s.store
            .storage()
            .read(sql -> sql.query("select id from consent_samples", rs -> rs.getString(1)));
    assertThat(samples).isEmpty();
    List<String> ownerKeys =
        s.store
            .storage()
            .read(
                sql -> sql.query("select owner_id from consent_owner_keys", rs -> rs.getString(1)));
    assertThat(ownerKeys).isEmpty();
    JWSObject receipt = JWSObject.parse(j.getString("receipt"));
    assertThat(
            receipt.verify(
                s.ring.tokenKeys().verifier(receipt.getHeader().getKeyID()).orElseThrow()))
        .isTrue();
    // idempotent, and a second erasure adds no ledger record
    assertThat(s.send("DELETE", "/v1/voices/" + c[3], c[1], null, null).statusCode())
        .isEqualTo(200);
    assertThat(s.ledger.findByCommitment(v.commitment())).hasSize(1);
  }

  @Test
  void lostSecret_recoveredByVoice_oldSecretVoid_andRefusalsNamed() throws Exception {
    String[] c = consented();
    String path = "/v1/enrollments/" + c[0] + "/recovery";
    HttpResponse<String> ch = s.send("POST", path + "/challenge", null, null, null);
    assertThat(ch.statusCode()).as(ch.body()).isEqualTo(201);
    assertThat(new JsonObject(ch.body()).getString("phrase")).contains(OWNER);
    // the recovery challenge is no consent challenge (and a consented enrolment takes none)
    JsonObject none =
        assertProblem(
            s.audio("/v1/enrollments/" + c[0] + "/consent", c[1], wav(4)), 409, "wrong_state");
    assertThat(none.getString("detail")).contains("consented");
    checks.failNext("speaker_mismatch");
    JsonObject refused = assertProblem(s.audio(path, null, wav(4)), 422, "recovery_refused");
    assertThat(refused.getJsonArray("reasons").getList()).containsExactly("speaker_mismatch");
    // the challenge was taken by that answer: asking again is needed
    JsonObject used = assertProblem(s.audio(path, null, wav(4)), 422, "recovery_refused");
    assertThat(used.getJsonArray("reasons").getList()).contains("expired");
    s.send("POST", path + "/challenge", null, null, null);
    s.clock.advance(Duration.ofSeconds(121));
    assertThat(
            assertProblem(s.audio(path, null, wav(4)), 422, "recovery_refused")
                .getJsonArray("reasons")
                .getList())
        .contains("expired");
    s.send("POST", path + "/challenge", null, null, null);
    HttpResponse<String> ok = s.audio(path, null, wav(4));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    String fresh = new JsonObject(ok.body()).getString("ownerSecret");
    assertThat(fresh).startsWith("vxo_" + c[0] + "_").isNotEqualTo(c[1]);
    assertProblem(s.json("GET", "/v1/enrollments/" + c[0], c[1], null), 401, "unauthorized");
    assertThat(s.json("GET", "/v1/enrollments/" + c[0], fresh, null).statusCode()).isEqualTo(200);
    // unknown or erased enrolments cannot be recovered
    assertProblem(
        s.send(
            "POST",
            "/v1/enrollments/enr-000000000000000000000000/recovery/challenge",
            null,
            null,
            null),
        404,
        "not_found");
    assertThat(s.send("DELETE", "/v1/voices/" + c[3], fresh, null, null).statusCode())
        .isEqualTo(200);
    assertProblem(s.send("POST", path + "/challenge", null, null, null), 404, "not_found");
  }

  @Test
  void hostileInputs_getProblemJson() throws Exception {
    assertProblem(
        s.send("POST", "/v1/enrollments", licensee, "text/plain", "{}".getBytes()),
        415,
        "unsupported_media_type");
    assertProblem(
        s.send(
            "POST", "/v1/enrollments", licensee, "application/json", "{\"ownerName\":".getBytes()),
        400,
        "bad_request");
    assertProblem(
        s.send("POST", "/v1/enrollments", licensee, "application/json", "[1,2]".getBytes()),
        400,
        "bad_request");
    assertProblem(
        s.json("POST", "/v1/enrollments", licensee, enrolment().put("validDays", "30")),
        400,
        "bad_request");
    assertProblem(
        s.json("POST", "/v1/enrollments", licensee, enrolment().put("purposes", new JsonArray())),
        400,
        "bad_request");
    assertProblem(
        s.json("POST", "/v1/enrollments", licensee, enrolment().put("ownerName", "a\u0000b")),
        400,
        "bad_request");
    JsonObject p =
        assertProblem(
            s.json("POST", "/v1/enrollments", licensee, enrolment("en", "fr")),
            400,
            "unsupported_language");
    assertThat(p.getString("detail")).contains("'fr'");
    assertProblem(
        s.send("POST", "/v1/enrollments", licensee, "application/json", new byte[200_000]),
        413,
        "too_large");
    assertProblem(s.json("POST", "/v1/enrollments", null, enrolment()), 401, "unauthorized");
    String[] e = openEnrolment();
    assertProblem(s.json("POST", "/v1/enrollments", e[1], enrolment()), 403, "forbidden");
    assertProblem(
        s.send(
            "POST",
            "/v1/enrollments/" + e[0] + "/samples",
            e[1],
            "application/json",
            "{}".getBytes()),
        415,
        "unsupported_media_type");
    JsonObject q =
        assertProblem(
            s.audio("/v1/enrollments/" + e[0] + "/samples", e[1], "not audio at all".getBytes()),
            422,
            "sample_refused");
    assertThat(q.getJsonArray("reasons").getList()).containsExactly("quality");
    assertProblem(
        s.audio("/v1/enrollments/" + e[0] + "/samples", e[1], new byte[17 * 1024 * 1024]),
        413,
        "too_large");
    assertProblem(s.json("GET", "/v1/enrollments/..%2F..%2Fetc", licensee, null), 404, "not_found");
    assertProblem(s.json("GET", "/v1/status-lists/0", null, null), 404, "not_found");
    assertProblem(s.json("GET", "/v1/status-lists/99999", null, null), 404, "not_found");
  }
}

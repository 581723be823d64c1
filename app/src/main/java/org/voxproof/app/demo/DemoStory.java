package org.voxproof.app.demo;

import static org.voxproof.app.demo.StepFailed.expect;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.voxproof.app.server.Databases;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.AudioEncoder;
import org.voxproof.http.auth.Role;
import org.voxproof.http.clients.ApiClients;
import org.voxproof.storage.Storage;

/**
 * The demo's steps, each through the public HTTP API of a running server (the API keys through the
 * admin path, {@link ApiClients} on the data directory's database, as {@code voxproof admin
 * create-client} does). A step that does not behave as expected stops the story; the steps after it
 * are reported as {@code skipped}.
 */
final class DemoStory {
  static final String OWNER = "Alice Smith";
  static final String LICENSEE_ORG = "Acme Bank";
  static final String PURPOSE = "notifications";
  static final String TEXT = "Hello Alice, this is Acme Bank. Your new card has shipped.";

  /**
   * Fresh challenges a lone {@code phrase_mismatch} may use up: the owner records again, as the
   * check's documentation says (it fails closed). Sphinx4 hears 80-85 % of espeak-ng challenges
   * right on the first take, so four takes fail together about once in a thousand runs.
   */
  static final int CONSENT_ATTEMPTS = 4;

  private final Path dataDir;
  private final String owner;
  private final DemoSpeech speech;
  private final PrintStream progress;
  private final List<DemoStep> steps = new ArrayList<>();
  private DemoHttp http;

  private String licenseeKey;
  private String platformKey;
  private String enrolment;
  private String invitation;
  private String ownerSecret;
  private String consentId;
  private String voiceId;
  private String token;
  private byte[] wav;
  private String ledgerIndex;

  DemoStory(Path dataDir, DemoSpeech speech, PrintStream progress) {
    this(dataDir, OWNER, speech, progress);
  }

  DemoStory(Path dataDir, String owner, DemoSpeech speech, PrintStream progress) {
    this.owner = owner;
    this.dataDir = dataDir;
    this.speech = speech;
    this.progress = progress;
  }

  /** The server the steps talk to (its base URL), once it listens. */
  void connect(DemoHttp server) {
    this.http = server;
  }

  String licenseeKey() {
    return licenseeKey;
  }

  String platformKey() {
    return platformKey;
  }

  String token() {
    return token;
  }

  byte[] synthesized() {
    return wav.clone();
  }

  /** A step's work: returns what it got, or throws {@link StepFailed} with it. */
  interface Action {
    String run() throws Exception;
  }

  private record Planned(String name, String expected, Action action) {}

  /** Runs every step in order; returns the steps so far, including those recorded before. */
  List<DemoStep> run() {
    return run("detect-erased");
  }

  /** Runs the steps in order up to and including {@code last}. */
  List<DemoStep> run(String last) {
    List<Planned> plan =
        List.of(
            new Planned("api-keys", "licensee + platform key (admin path)", this::apiKeys),
            new Planned("enrolment", "201 id + invitation", this::enrol),
            new Planned("invitation", "201 owner secret", this::redeem),
            new Planned("samples", "201 x3 (demo-made speech)", this::samples),
            new Planned("consent", "201 token (real checks)", this::consent),
            new Planned("synthesize", "200 audio/wav + ledger index", this::synthesize),
            new Planned("detect", "verified-synthetic, consent active", this::detect),
            new Planned(
                "detect-mp3", "synthetic-manifest-stripped, same ledger index", this::detectMp3),
            new Planned("revoke", "200 revoked, receipt verifies", this::revoke),
            new Planned("synthesize-revoked", "403 consent_revoked", this::refused),
            new Planned(
                "detect-revoked", "verified-synthetic, consent revoked", this::detectRevoked),
            new Planned("erase", "200 erased, receipt verifies", this::erase),
            new Planned("detect-erased", "verified-synthetic, consent erased", this::detectErased));
    boolean going = steps.stream().allMatch(DemoStep::ok);
    for (Planned p : plan) {
      if (going) {
        going = step(p.name(), p.expected(), p.action());
      } else {
        steps.add(new DemoStep(p.name(), p.expected(), "skipped", 0, false));
      }
      if (p.name().equals(last)) {
        break;
      }
    }
    return List.copyOf(steps);
  }

  /** Runs and records one step; true when it behaved as expected. */
  boolean step(String name, String expected, Action a) {
    long t0 = System.nanoTime();
    String got;
    boolean ok = false;
    try {
      got = a.run();
      ok = true;
    } catch (StepFailed e) {
      got = e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      got = "interrupted";
    } catch (Exception e) {
      got = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    steps.add(new DemoStep(name, expected, got, ms, ok));
    progress.printf("demo: %-19s %s (%d ms)%n", name, ok ? got : "FAILED: " + got, ms);
    return ok;
  }

  private String apiKeys() throws Exception {
    String run = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
    try (Storage db = Databases.open(dataDir, null)) {
      ApiClients clients = ApiClients.open(db);
      licenseeKey =
          clients.create("demo-bank-" + run, Role.LICENSEE, LICENSEE_ORG, Duration.ofDays(1)).key();
      platformKey =
          clients
              .create("demo-platform-" + run, Role.PLATFORM, "Demo Platform", Duration.ofDays(1))
              .key();
    }
    return "licensee (" + LICENSEE_ORG + ") and platform keys, clients demo-*-" + run;
  }

  private String enrol() throws Exception {
    JsonObject body =
        new JsonObject()
            .put("ownerName", owner)
            .put("purposes", new JsonArray().add(PURPOSE))
            .put("languages", new JsonArray().add("en"))
            .put("validDays", 30);
    DemoHttp.Reply r = http.json("POST", "/v1/enrollments", licenseeKey, body);
    expect(r.status() == 201, r.summary());
    enrolment = r.json().getString("id");
    invitation = r.json().getString("invitation");
    expect(enrolment != null && invitation != null, "201 without id or invitation");
    return "201 enrolment " + enrolment;
  }

  private String redeem() throws Exception {
    DemoHttp.Reply r =
        http.json("POST", "/v1/enrollments/" + enrolment + "/owner", invitation, null);
    expect(r.status() == 201, r.summary());
    ownerSecret = r.json().getString("ownerSecret");
    expect(ownerSecret != null, "201 without ownerSecret");
    DemoHttp.Reply again =
        http.json("POST", "/v1/enrollments/" + enrolment + "/owner", invitation, null);
    expect(again.status() == 409, "invitation redeemed twice: " + again.summary());
    return "201 owner secret; the invitation again: " + again.summary();
  }

  private String samples() throws Exception {
    double seconds = 0;
    for (String text : DemoSpeech.SAMPLE_TEXTS) {
      DemoHttp.Reply r =
          http.send(
              "POST",
              "/v1/enrollments/" + enrolment + "/samples",
              ownerSecret,
              "audio/wav",
              speech.say(text));
      expect(r.status() == 201, r.summary());
      seconds += r.json().getDouble("durationSeconds", 0.0);
    }
    return String.format(
        "201 x%d, %.1f s of espeak-ng speech", DemoSpeech.SAMPLE_TEXTS.size(), seconds);
  }

  private String consent() throws Exception {
    List<String> refused = new ArrayList<>();
    for (int attempt = 1; attempt <= CONSENT_ATTEMPTS; attempt++) {
      DemoHttp.Reply ch =
          http.json("POST", "/v1/enrollments/" + enrolment + "/challenge", ownerSecret, null);
      expect(ch.status() == 201, "challenge: " + ch.summary());
      String phrase = ch.json().getString("phrase");
      DemoHttp.Reply r =
          http.send(
              "POST",
              "/v1/enrollments/" + enrolment + "/consent",
              ownerSecret,
              "audio/wav",
              speech.say(phrase));
      if (r.status() == 201) {
        consentId = r.json().getString("consentId");
        voiceId = r.json().getString("voiceId");
        token = r.json().getString("token");
        expect(consentId != null && voiceId != null && token != null, "201 without a token");
        return "201 consent "
            + consentId
            + (refused.isEmpty() ? "" : " after " + refused + " (recorded again)");
      }
      refused.add(r.summary());
      // Only a misheard phrase is worth recording again; anything else is the answer.
      expect(isPhraseMismatchOnly(r), String.join("; ", refused));
    }
    throw new StepFailed(String.join("; ", refused));
  }

  private static boolean isPhraseMismatchOnly(DemoHttp.Reply r) {
    JsonArray reasons = r.json().getJsonArray("reasons");
    return r.status() == 422
        && reasons != null
        && reasons.size() == 1
        && "phrase_mismatch".equals(reasons.getString(0));
  }

  private DemoHttp.Reply synthesizeRequest() throws Exception {
    JsonObject body =
        new JsonObject()
            .put("text", TEXT)
            .put("consentToken", token)
            .put("language", "en")
            .put("purpose", PURPOSE)
            .put("format", "wav");
    return http.json("POST", "/v1/synthesize", licenseeKey, body);
  }

  private String synthesize() throws Exception {
    DemoHttp.Reply r = synthesizeRequest();
    expect(r.status() == 200, r.summary());
    expect(
        r.header("Content-Type").orElse("").startsWith("audio/wav"),
        "200 but " + r.header("Content-Type").orElse("no content type"));
    ledgerIndex = r.header("X-VoxProof-Ledger-Index").orElse(null);
    expect(ledgerIndex != null, "200 without X-VoxProof-Ledger-Index");
    wav = r.body();
    return String.format(
        "200 audio/wav, %d KB, ledger index %s, manifest %s",
        wav.length / 1024, ledgerIndex, r.header("X-VoxProof-Manifest-Id").orElse("?"));
  }

  /** Detects {@code audio} and checks the verdict, the ledger index and the consent status. */
  private String detectAs(byte[] audio, String type, String verdict, String status)
      throws Exception {
    DemoHttp.Reply r = http.send("POST", "/v1/detect", platformKey, type, audio);
    expect(r.status() == 200, r.summary());
    JsonObject j = r.json();
    String gotVerdict = j.getString("verdict");
    JsonObject ledger = j.getJsonObject("ledger", new JsonObject());
    String index = String.valueOf(ledger.getValue("index"));
    String gotStatus = j.getJsonObject("consent", new JsonObject()).getString("status");
    String got = gotVerdict + ", ledger index " + index + ", consent " + gotStatus;
    expect(
        verdict.equals(gotVerdict) && ledgerIndex.equals(index) && status.equals(gotStatus), got);
    return got;
  }

  private String detect() throws Exception {
    return detectAs(wav, "audio/wav", "verified-synthetic", "active");
  }

  private String detectMp3() throws Exception {
    expect(AudioEncoder.available(AudioEncoder.Format.MP3), "lame is not on the PATH");
    byte[] mp3 = AudioEncoder.of(AudioEncoder.Format.MP3).encode(AudioDecoder.create().decode(wav));
    return "MP3 (lame) "
        + mp3.length / 1024
        + " KB: "
        + detectAs(mp3, "audio/mpeg", "synthetic-manifest-stripped", "active");
  }

  private String revoke() throws Exception {
    DemoHttp.Reply r =
        http.json("POST", "/v1/consents/" + consentId + "/revoke", ownerSecret, null);
    expect(r.status() == 200 && "revoked".equals(r.json().getString("status")), r.summary());
    Receipts.verify(http, r.json().getString("receipt"), "revoked");
    return "200 revoked; receipt verified against /.well-known/jwks.json";
  }

  private String refused() throws Exception {
    DemoHttp.Reply r = synthesizeRequest();
    JsonArray reasons = r.json().getJsonArray("reasons", new JsonArray());
    expect(r.status() == 403 && reasons.contains("consent_revoked"), r.summary());
    return r.summary();
  }

  private String detectRevoked() throws Exception {
    return detectAs(wav, "audio/wav", "verified-synthetic", "revoked");
  }

  private String erase() throws Exception {
    DemoHttp.Reply r = http.json("DELETE", "/v1/voices/" + voiceId, ownerSecret, null);
    expect(r.status() == 200 && "erased".equals(r.json().getString("status")), r.summary());
    Receipts.verify(http, r.json().getString("receipt"), "erased");
    return "200 erased; receipt verified against /.well-known/jwks.json";
  }

  private String detectErased() throws Exception {
    return detectAs(wav, "audio/wav", "verified-synthetic", "erased");
  }
}

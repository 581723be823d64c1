package org.voxproof.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.voxproof.app.VoxProof;
import org.voxproof.app.server.ServerConfig;
import org.voxproof.app.server.VoxProofServer;
import org.voxproof.testkit.Shared;
import org.voxproof.testkit.Tools;

/**
 * The web pages in headless Chromium against a real {@code serve}: the voice owner enrols on the
 * consent page with the keyboard only and a fake microphone playing espeak-ng speech (samples, then
 * the challenge phrase, spoken after the page shows it), the page shows the checks exactly as the
 * API answered; a licensee synthesizes with the token; the detector page shows the verdict,
 * waveform, segments and per-second scores to a police key and the evidence bundle it downloads
 * verifies offline; the owner page lists the use, revokes and erases with downloadable signed
 * receipts; the ledger page checks every recent entry's inclusion proof and the checkpoint's
 * signature in the browser. Every page passes axe-core with no serious or critical violation and
 * logs no CSP violation or script error. In order: each step builds on the one before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPagesIT {
  static final String VOICE = "en-us+m3";

  /**
   * Read deliberately, as a person reads a list of random words (the demo's measurement: the phrase
   * check accepts en-us+m3 17/20 at 140 wpm with an 80 ms gap, 21/27 at espeak's default 175).
   */
  static final String SPEED = "140";

  static final String GAP = "8";

  /** Takes of the consent statement before the test gives up (each with a new challenge). */
  static final int ATTEMPTS = 4;

  static final List<String> SAMPLES =
      List.of(
          "The quick brown fox jumps over the lazy dog while the farmer watches from the gate.",
          "Every morning I walk to the station and buy a newspaper and a cup of coffee.",
          "Please call me back tomorrow afternoon, I would like to talk about the garden.");
  static final List<String> CHECKS =
      List.of("expired", "quality", "phrase_mismatch", "replay", "synthetic", "speaker_mismatch");

  @TempDir static Path dir;
  static VoxProofServer server;
  static Browser browser;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static String licensee;
  static String police;
  static String platform;
  static String enrollmentId;
  static String ownerSecret;
  static JsonObject consent; // {consentId, voiceId} once given
  static Path synthesized;
  static String manifestId;

  @BeforeAll
  static void start() throws Exception {
    Browser.require();
    Tools.require("espeak-ng", "sox");
    Path data = dir.resolve("data");
    server = VoxProofServer.start(ServerConfig.plain(data, "127.0.0.1", 0));
    licensee = admin(data, "bank-app", "licensee", "Acme Bank");
    police = admin(data, "police-unit", "police", "Police");
    platform = admin(data, "video-site", "platform", "Video Site");
    browser = Browser.start(Files.createDirectories(dir.resolve("browser")));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void noBrokenPage() {
    if (browser != null) {
      assertThat(browser.pageErrors()).as("CSP violations or script errors").isEmpty();
    }
  }

  @Test
  @Order(0)
  void everyPage_everyControlIsReachableWithTheKeyboard_andPassesAxe() throws Exception {
    for (String page :
        List.of(
            "/",
            "/owner",
            "/detect",
            "/ledger",
            "/consent/enr-0123456789abcdef01234567#invitation=vxi_x")) {
      browser.open(server.url() + page);
      assertThat(browser.seriousViolations()).as("axe, " + page).isEmpty();
      assertThat(browser.controlsTabNeverReaches()).as("Tab on " + page).isEmpty();
    }
  }

  @Test
  @Order(1)
  void consentPage_keyboardAndMicrophoneOnly_enrolsAndShowsTheChecksTheApiReturned()
      throws Exception {
    JsonObject e =
        json(
            "POST",
            "/v1/enrollments",
            licensee,
            new JsonObject()
                .put("ownerName", "Alice Smith")
                .put("purposes", new JsonArray().add("notifications"))
                .put("languages", new JsonArray().add("en"))
                .put("validDays", 30),
            201);
    enrollmentId = e.getString("id");
    String url = e.getString("consentUrl");
    assertThat(url).startsWith(server.url() + "/consent/" + enrollmentId + "#invitation=vxi_");
    browser.open(url);
    assertThat(browser.driver.getCurrentUrl()).doesNotContain("invitation").doesNotContain("#");
    assertThat(browser.text("enrollment-id")).isEqualTo(enrollmentId);

    browser.tabTo("accept");
    browser.enterOn("accept");
    browser.waitFor(() -> browser.visible("secret-box"), 15, "owner secret shown");
    ownerSecret = browser.byId("owner-secret-shown").getAttribute("value");
    assertThat(ownerSecret).matches("vxo_" + enrollmentId + "_[A-Za-z0-9_-]{43}");
    assertThat(browser.seriousViolations()).as("axe, consent page with the secret").isEmpty();
    browser.tabTo("secret-saved");
    browser.enterOn("secret-saved");
    assertThat(browser.byId("owner-secret-shown").getAttribute("value")).isEmpty();
    assertThat(browser.visible("secret-box")).isFalse();

    for (int i = 0; i < SAMPLES.size(); i++) {
      record("sample", say(SAMPLES.get(i)));
      int n = i + 1;
      browser.waitFor(
          () -> browser.driver.findElements(By.cssSelector("#sample-list li")).size() == n,
          60,
          "sample " + n + " uploaded");
      assertThat(browser.driver.findElements(By.cssSelector("#sample-list li")).get(i).getText())
          .contains("accepted");
    }
    assertThat(browser.seriousViolations()).as("axe, samples step").isEmpty();
    browser.tabTo("to-consent");
    browser.enterOn("to-consent");

    // A take that says something else: refused, and the page shows exactly the API's reasons.
    Take wrong =
        take(phrase -> "I do not agree to anything, and I would like a cup of tea please.");
    assertThat(wrong.status).as(wrong.body.encode()).isEqualTo(422);
    assertThat(wrong.reasons()).contains("phrase_mismatch");
    assertThat(wrong.failedShown())
        .as("the page shows what the API said")
        .isEqualTo(wrong.reasons());
    assertThat(browser.text("error")).contains("not accepted");
    assertThat(browser.visible("phrase")).as("a used challenge is taken away").isFalse();
    browser.waitFor(() -> "challenge".equals(browser.activeId()), 5, "focus back on challenge");

    List<String> attempts = new ArrayList<>();
    for (int attempt = 1; attempt <= ATTEMPTS && consent == null; attempt++) {
      Take t = take(phrase -> phrase);
      if (t.status == 201) {
        assertThat(t.shown)
            .containsOnlyKeys(CHECKS)
            .allSatisfy((k, v) -> assertThat(v).isEqualTo("passed"));
        browser.waitFor(() -> browser.visible("result"), 5, "result shown");
        assertThat(browser.text("result-consent")).isEqualTo(t.body.getString("consentId"));
        assertThat(browser.text("result-voice")).isEqualTo(t.body.getString("voiceId"));
        consent = t.body;
        System.err.println(
            "consent accepted on attempt " + attempt + "; refused before: " + attempts);
      } else {
        assertThat(t.status).as(t.body.encode()).isEqualTo(422);
        assertThat(t.failedShown()).as("the page shows what the API said").isEqualTo(t.reasons());
        attempts.add(t.phrase + " → " + t.reasons());
        // Only the recognizer's occasional miss on espeak speech is worth another phrase.
        assertThat(t.reasons())
            .as("refused for more than the phrase")
            .containsOnly("phrase_mismatch");
        browser.waitFor(() -> "challenge".equals(browser.activeId()), 5, "focus back on challenge");
      }
    }
    if (consent == null) {
      fail("consent refused " + ATTEMPTS + " times: " + attempts);
    }
    JsonObject view = json("GET", "/v1/enrollments/" + enrollmentId, ownerSecret, null, 200);
    assertThat(view.getString("status")).isEqualTo("consented");
    assertThat(view.getString("consentId")).isEqualTo(consent.getString("consentId"));
    assertThat(browser.seriousViolations()).as("axe, consent given").isEmpty();
    browser.screenshot("consent");
  }

  @Test
  @Order(2)
  void licensee_synthesizesWithTheToken() throws Exception {
    assertThat(consent).as("consent from the page").isNotNull();
    String token =
        json("GET", "/v1/enrollments/" + enrollmentId, licensee, null, 200).getString("token");
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/v1/synthesize"))
                .header("Authorization", "Bearer " + licensee)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        new JsonObject()
                            .put(
                                "text", "Your card ending in four two has been blocked for safety.")
                            .put("consentToken", token)
                            .put("language", "en")
                            .put("purpose", "notifications")
                            .put("format", "wav")
                            .encode()))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    manifestId = r.headers().firstValue("X-VoxProof-Manifest-Id").orElseThrow();
    synthesized = dir.resolve("notice.wav");
    Files.write(synthesized, r.body());
  }

  @Test
  @Order(3)
  void detectPage_policeKey_showsVerdictWaveformScores_andEvidenceThatVerifiesOffline()
      throws Exception {
    browser.open(server.url() + "/detect");
    browser.tabTo("api-key");
    browser.type(police);
    browser.tabTo("legal-basis");
    browser.type("case 2026-0042");
    browser.byId("file").sendKeys(synthesized.toString());
    browser.tabTo("legal-basis");
    browser.press(Keys.ENTER); // submits the form
    browser.waitFor(() -> browser.visible("report"), 60, "report shown");
    assertThat(browser.byId("verdict").getAttribute("data-verdict"))
        .isEqualTo("verified-synthetic");
    assertThat(browser.driver.findElements(By.cssSelector("#segments li"))).isNotEmpty();
    List<WebElement> scores = browser.driver.findElements(By.cssSelector("#scores-table tr"));
    assertThat(scores).hasSizeGreaterThanOrEqualTo(2);
    assertThat(browser.visible("scores")).isTrue();
    assertThat(inkOn("waveform")).as("waveform drawn").isGreaterThan(1000);
    assertThat(inkOn("scores")).as("scores drawn").isGreaterThan(100);
    assertThat(browser.byId("waveform").getAttribute("aria-label")).contains("watermark found in");
    assertThat(browser.text("facts")).contains(manifestId).contains("active");
    assertThat(browser.seriousViolations()).as("axe, detector report").isEmpty();
    browser.screenshot("detect");
    browser.driver.executeScript("document.getElementById('waveform-figure').scrollIntoView()");
    browser.screenshot("detect-waveform");

    browser.tabTo("download-evidence");
    browser.enterOn("download-evidence");
    Path bundle = browser.downloaded("evidence-notice.wav.jws");
    Path trust = dir.resolve("root.pem");
    Files.writeString(
        trust, cli("keys", "export-trust", "--data-dir", dir.resolve("data").toString()).out);
    Cli v =
        cli(
            "verify-evidence",
            "--trust",
            trust.toString(),
            bundle.toString(),
            "--audio",
            synthesized.toString());
    assertThat(v.code).as(v.out + v.err).isZero();

    // A platform key gets the verdict, not the scores or the marked stretches.
    browser.open(server.url() + "/detect");
    browser.byId("api-key").sendKeys(platform);
    browser.byId("file").sendKeys(synthesized.toString());
    browser.byId("api-key").sendKeys(Keys.ENTER);
    browser.waitFor(() -> browser.visible("report"), 60, "platform report shown");
    assertThat(browser.byId("verdict").getAttribute("data-verdict"))
        .isEqualTo("verified-synthetic");
    assertThat(browser.visible("scores")).isFalse();
    assertThat(browser.visible("segments-box")).isFalse();
  }

  @Test
  @Order(4)
  void ownerPage_listsTheUse_revokesAndErases_withSignedReceipts() throws Exception {
    assertThat(consent).as("consent from the page").isNotNull();
    browser.open(server.url() + "/owner");
    assertThat(browser.driver.getCurrentUrl()).doesNotContain("vxo_");
    browser.tabTo("owner-secret");
    browser.type(ownerSecret);
    browser.press(Keys.ENTER);
    browser.waitFor(() -> browser.visible("uses-table"), 20, "uses listed");
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#uses tr"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getText()).contains(manifestId).contains("notifications");
    assertThat(browser.text("overview-facts"))
        .contains(consent.getString("consentId"))
        .contains("active");
    assertThat(browser.driver.getCurrentUrl()).doesNotContain("vxo_");
    // "Keep it in this tab" was not ticked: the secret is nowhere in the tab's storage.
    assertThat(
            (String)
                browser.js(
                    "return JSON.stringify(Object.assign({}, sessionStorage, localStorage))"))
        .doesNotContain("vxo_");
    assertThat(browser.seriousViolations()).as("axe, owner page").isEmpty();

    browser.tabTo("revoke");
    browser.enterOn("revoke");
    browser.enterOn("revoke-yes"); // the confirmation takes the focus
    browser.waitFor(
        () ->
            !browser
                .driver
                .findElements(By.cssSelector("#receipts li[data-action=revoked]"))
                .isEmpty(),
        20,
        "revocation receipt");
    browser.waitFor(() -> browser.text("overview-facts").contains("revoked"), 10, "status revoked");
    assertThat(browser.activeId()).isEmpty(); // the download button (no id) has the focus
    browser.press(Keys.ENTER);
    Path revoked = browser.downloaded("receipt-" + consent.getString("consentId") + "-revoked.jws");
    assertThat(claims(Files.readString(revoked)).getString("action")).isEqualTo("revoked");
    assertThat(
            json("GET", "/v1/consents/" + consent.getString("consentId"), ownerSecret, null, 200)
                .getString("status"))
        .isEqualTo("revoked");

    browser.tabTo("erase");
    browser.enterOn("erase");
    browser.enterOn("erase-yes");
    browser.waitFor(
        () ->
            !browser
                .driver
                .findElements(By.cssSelector("#receipts li[data-action=erased]"))
                .isEmpty(),
        20,
        "erasure receipt");
    browser.press(Keys.ENTER);
    Path erased = browser.downloaded("receipt-" + consent.getString("voiceId") + "-erased.jws");
    JsonObject c = claims(Files.readString(erased));
    assertThat(c.getString("action")).isEqualTo("erased");
    assertThat(c.getString("voice_id")).isEqualTo(consent.getString("voiceId"));
    assertThat(browser.seriousViolations()).as("axe, receipts").isEmpty();
    browser.screenshot("owner");
  }

  @Test
  @Order(5)
  void ledgerPage_checksInclusionProofsAndTheCheckpointSignatureInTheBrowser() throws Exception {
    browser.open(server.url() + "/ledger");
    browser.waitFor(
        () -> browser.driver.findElements(By.cssSelector("#entries tr")).size() >= 3,
        20,
        "entries listed (synthesis, revocation, erasure)");
    String kinds = browser.text("entries");
    assertThat(kinds).contains("synthesis").contains("revocation").contains("erasure");
    // Keyboard: the first "Check" button of the table.
    browser.tabToCss("#entries button");
    browser.press(Keys.ENTER);
    browser.waitFor(
        () -> !browser.driver.findElements(By.cssSelector("#entries [data-result]")).isEmpty(),
        20,
        "first proof checked");
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector("#entries [data-result]"))
                .getAttribute("data-result"))
        .isEqualTo("included");
    while (!browser.driver.findElements(By.cssSelector("#entries button")).isEmpty()) {
      WebElement b = browser.driver.findElement(By.cssSelector("#entries button"));
      b.click();
      browser.waitFor(
          () ->
              browser.driver.findElements(By.cssSelector("#entries button")).stream()
                  .noneMatch(b::equals),
          20,
          "checked");
    }
    browser.waitFor(
        () -> browser.driver.findElements(By.cssSelector("#entries button")).isEmpty(),
        30,
        "every proof checked");
    assertThat(browser.driver.findElements(By.cssSelector("#entries [data-result]")))
        .allSatisfy(r -> assertThat(r.getAttribute("data-result")).isEqualTo("included"));

    String vkey = Files.readString(dir.resolve("data/ledger/checkpoint.vkey")).strip();
    browser.tabTo("vkey");
    browser.type(vkey);
    browser.press(Keys.ENTER);
    browser.waitFor(
        () -> browser.byId("signature-result").getAttribute("data-result") != null,
        10,
        "signature");
    assertThat(browser.byId("signature-result").getAttribute("data-result"))
        .as(browser.byId("signature-result").getText())
        .isEqualTo("valid");
    // Another key (same name, a different public key) is refused.
    String other = otherKey(vkey);
    browser.byId("vkey").clear();
    browser.byId("vkey").sendKeys(other, Keys.ENTER);
    browser.waitFor(
        () -> "invalid".equals(browser.byId("signature-result").getAttribute("data-result")),
        10,
        "bad key");

    // ?index= checks that entry at once; an index beyond the checkpoint is refused.
    browser.open(server.url() + "/ledger?index=0");
    browser.waitFor(
        () -> !browser.driver.findElements(By.cssSelector("#proof-result [data-result]")).isEmpty(),
        20,
        "proof");
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector("#proof-result [data-result]"))
                .getAttribute("data-result"))
        .isEqualTo("included");
    browser.byId("proof-index").clear();
    browser.byId("proof-index").sendKeys("999", Keys.ENTER);
    browser.waitFor(
        () ->
            browser
                .driver
                .findElement(By.cssSelector("#proof-result [data-result]"))
                .getAttribute("data-index")
                .equals("999"),
        20,
        "refused");
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector("#proof-result [data-result]"))
                .getAttribute("data-result"))
        .isEqualTo("failed");
    assertThat(browser.text("consistency-result")).startsWith("Unchanged since you last looked");

    // The log grows (a police detection is logged): Refresh proves the new checkpoint extends the
    // one this tab saw, with the server's consistency proof checked in the browser.
    HttpResponse<String> d =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/v1/detect"))
                .header("Authorization", "Bearer " + police)
                .header("X-VoxProof-Legal-Basis", "case 2026-0043")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(synthesized))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(d.statusCode()).as(d.body()).isEqualTo(200);
    browser.tabTo("refresh");
    browser.enterOn("refresh");
    browser.waitFor(
        () -> browser.text("consistency-result").contains("only grew"), 20, "consistency");
    assertThat(browser.byId("consistency-result").getAttribute("data-result"))
        .isEqualTo("consistent");
    // A checkpoint this tab remembers that the log does not extend (another root) is flagged.
    browser.js(
        "const s = JSON.parse(sessionStorage.getItem('voxproof.ledger.seen'));"
            + "s.size = String(BigInt(s.size) - 1n); s.root = btoa('x'.repeat(32));"
            + "sessionStorage.setItem('voxproof.ledger.seen', JSON.stringify(s));");
    browser.byId("refresh").click();
    browser.waitFor(
        () -> "inconsistent".equals(browser.byId("consistency-result").getAttribute("data-result")),
        20,
        "inconsistency flagged");
    assertThat(browser.text("consistency-result")).startsWith("WARNING");
    assertThat(browser.seriousViolations()).as("axe, ledger page").isEmpty();
    browser.screenshot("ledger");
  }

  @Test
  @Order(6)
  void merkleModule_agreesWithEveryInclusionAndConsistencyVector() throws Exception {
    browser.open(server.url() + "/ledger");
    JsonArray vectors = vectors("inclusion");
    assertThat(vectors.size()).isGreaterThan(90);
    String out =
        (String)
            browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "import('/web/js/merkle.js').then(async m => {"
                    + "  const bad = [];"
                    + "  for (const v of JSON.parse(arguments[0])) {"
                    + "    let err = false;"
                    + "    try { await m.verifyInclusion(BigInt(v.leafIdx), BigInt(v.treeSize),"
                    + "      m.fromBase64(v.leafHash), (v.proof || []).map(m.fromBase64), m.fromBase64(v.root)); }"
                    + "    catch (e) { err = true; }"
                    + "    if (err !== v.wantErr) bad.push(v.file);"
                    + "  }"
                    + "  done(JSON.stringify(bad));"
                    + "}, e => done('E' + e));",
                vectors.encode());
    assertThat(out).isEqualTo("[]");

    JsonArray consistency = vectors("consistency");
    assertThat(consistency.size()).isGreaterThan(90);
    String out2 =
        (String)
            browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "import('/web/js/merkle.js').then(async m => {"
                    + "  const bad = [];"
                    + "  for (const v of JSON.parse(arguments[0])) {"
                    + "    let err = false;"
                    + "    try { await m.verifyConsistency(BigInt(v.size1), BigInt(v.size2),"
                    + "      (v.proof || []).map(m.fromBase64), m.fromBase64(v.root1), m.fromBase64(v.root2)); }"
                    + "    catch (e) { err = true; }"
                    + "    if (err !== v.wantErr) bad.push(v.file);"
                    + "  }"
                    + "  done(JSON.stringify(bad));"
                    + "}, e => done('E' + e));",
                consistency.encode());
    assertThat(out2).isEqualTo("[]");
  }

  /**
   * The shared transparency-dev vectors of one kind, numbers as strings (2^64-1 fits no double).
   */
  private static JsonArray vectors(String kind) throws IOException {
    Path root = Shared.testVectors("merkle/testdata/" + kind);
    JsonArray vectors = new JsonArray();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String text =
            Files.readString(f)
                .replaceAll("\"(leafIdx|treeSize|size1|size2)\": ([0-9]+)", "\"$1\": \"$2\"");
        vectors.add(new JsonObject(text).put("file", root.relativize(f).toString()));
      }
    }
    return vectors;
  }

  @Test
  @Order(7)
  void wavEncoder_writesPcm16ThatTheServerDecodes() throws Exception {
    browser.open(server.url() + "/");
    @SuppressWarnings("unchecked")
    List<Long> bytes =
        (List<Long>)
            browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "import('/web/js/wav.js').then(m => done(Array.from("
                    + "m.encodeWav(new Float32Array([0, 0.5, -0.5, 1, -1, 2, -2, NaN]), 16000))));");
    byte[] wav = new byte[bytes.size()];
    for (int i = 0; i < wav.length; i++) {
      wav[i] = (byte) bytes.get(i).intValue();
    }
    var audio = org.voxproof.audio.AudioDecoder.create().decode(wav);
    assertThat(audio.sampleRate()).isEqualTo(16000);
    assertThat(audio.channels()).hasNumberOfRows(1);
    float[] s = audio.channels()[0];
    assertThat(s).hasSize(8);
    assertThat(s[1]).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(1e-4f));
    assertThat(s[3]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    assertThat(s[5]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f)); // clipped
    assertThat(s[6]).isEqualTo(-1f);
    assertThat(s[7]).isZero(); // NaN
    assertThat(browser.seriousViolations()).as("axe, index").isEmpty();
  }

  // --- helpers -------------------------------------------------------------------------------

  /** One answer to a challenge: what was shown, the API's answer, and the checks on the page. */
  record Take(String phrase, long status, JsonObject body, Map<String, String> shown) {
    Set<String> reasons() {
      return new TreeSet<>(body.getJsonArray("reasons", new JsonArray()).getList());
    }

    Set<String> failedShown() {
      assertThat(shown.keySet()).containsAll(CHECKS);
      return shown.entrySet().stream()
          .filter(x -> x.getValue().equals("failed"))
          .map(Map.Entry::getKey)
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** Asks for a challenge (Enter), speaks {@code speech.apply(phrase)}, returns the outcome. */
  private static Take take(java.util.function.UnaryOperator<String> speech) throws Exception {
    browser.enterOn("challenge"); // the page moves the focus to it
    browser.waitFor(
        () -> browser.visible("phrase") && !browser.text("phrase").isEmpty(),
        15,
        "challenge shown");
    String phrase = browser.text("phrase");
    assertThat(phrase).contains("Alice Smith").contains("Acme Bank");
    assertThat(Integer.parseInt(browser.text("countdown"))).isBetween(60, 120);
    browser.recordApiCalls();
    record("consent", say(speech.apply(phrase)));
    browser.waitFor(
        () -> browser.visible("checks-box") || !browser.text("error").isEmpty(),
        120,
        "checks shown");
    Map<String, Object> answer =
        browser.apiCalls().stream()
            .filter(c -> String.valueOf(c.get("url")).endsWith("/consent"))
            .findFirst()
            .orElseThrow();
    return new Take(
        phrase,
        (Long) answer.get("status"),
        new JsonObject((String) answer.get("body")),
        shownChecks());
  }

  /** Records one take: the speech goes to the fake microphone, Enter starts and stops. */
  private static void record(String kind, byte[] wav) throws Exception {
    browser.speak(wav);
    double seconds = (wav.length - 44) / 2.0 / 22050;
    browser.waitFor(
        () -> (kind + "-record").equals(browser.activeId()), 10, kind + " record focused");
    browser.enterOn(kind + "-record");
    browser.waitFor(() -> (kind + "-stop").equals(browser.activeId()), 15, "recording started");
    Thread.sleep((long) (seconds * 1000) + 800);
    browser.enterOn(kind + "-stop");
  }

  private static Map<String, String> shownChecks() {
    return browser.driver.findElements(By.cssSelector("#checks li")).stream()
        .collect(
            Collectors.toMap(
                li -> li.getAttribute("data-check"), li -> li.getAttribute("data-result")));
  }

  private static long inkOn(String canvasId) {
    return (Long)
        browser.js(
            "const c = document.getElementById(arguments[0]);"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;",
            canvasId);
  }

  private static JsonObject claims(String jws) {
    return new JsonObject(
        new String(
            Base64.getUrlDecoder().decode(jws.strip().split("\\.")[1]), StandardCharsets.UTF_8));
  }

  /** A well-formed verifier key with the log's name but a fresh Ed25519 key (and its key ID). */
  private static String otherKey(String vkey) throws Exception {
    String name = vkey.split("\\+")[0];
    byte[] spki =
        KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
    byte[] typed = new byte[33];
    typed[0] = 1;
    System.arraycopy(spki, spki.length - 32, typed, 1, 32);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(name.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0x0a);
    byte[] id = Arrays.copyOf(sha.digest(typed), 4);
    return name
        + "+"
        + HexFormat.of().formatHex(id)
        + "+"
        + Base64.getEncoder().encodeToString(typed);
  }

  /** espeak-ng speech with 1 s of silence before it (a person draws breath before speaking). */
  static byte[] say(String text) throws IOException, InterruptedException {
    Path raw = Files.createTempFile(dir, "say", ".wav");
    Path padded = Files.createTempFile(dir, "padded", ".wav");
    run("espeak-ng", "-v", VOICE, "-s", SPEED, "-g", GAP, "-w", raw.toString(), text);
    run(
        "sox",
        raw.toString(),
        "-r",
        "22050",
        "-c",
        "1",
        "-b",
        "16",
        padded.toString(),
        "pad",
        "1.0",
        "0.3");
    return Files.readAllBytes(padded);
  }

  private static void run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + log);
    }
  }

  private static JsonObject json(
      String method, String path, String bearer, JsonObject body, int expect) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode()));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expect);
    return new JsonObject(r.body());
  }

  record Cli(int code, String out, String err) {}

  private static synchronized Cli cli(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      int code = VoxProof.execute(args);
      return new Cli(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static String admin(Path data, String name, String role, String org) {
    Cli c =
        cli(
            "admin",
            "create-client",
            "--data-dir",
            data.toString(),
            "--name",
            name,
            "--role",
            role,
            "--org",
            org);
    assertThat(c.code).as(c.err).isZero();
    String[] words = c.out.strip().split("\\s+");
    return words[words.length - 1];
  }
}

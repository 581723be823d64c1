package org.voxproof.synth.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.consent.token.ConsentGrant;
import org.voxproof.http.Problems;
import org.voxproof.http.TestServers;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.RecordKind;
import org.voxproof.ledger.TlogProofEvidence;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.note.TlogProofVerifier;
import org.voxproof.policy.PolicyEngine;
import org.voxproof.policy.RateLimit;
import org.voxproof.policy.UsageRules;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.ManifestReport;
import org.voxproof.provenance.ManifestSigner;
import org.voxproof.provenance.ManifestVerifier;
import org.voxproof.provenance.VoxProofAssertions;
import org.voxproof.synth.LicenseePseudonyms;
import org.voxproof.synth.OutputFormat;
import org.voxproof.synth.Synthesizer;
import org.voxproof.synth.engine.EspeakEngine;
import org.voxproof.testkit.Tools;
import org.voxproof.watermark.Detection;
import org.voxproof.watermark.Watermarker;

/**
 * {@code POST /v1/synthesize} over a real socket on real parts: API keys from SQLite, tokens signed
 * by the key ring and checked by consent-service's verifier against an in-process status list,
 * espeak-ng, Cedar, the watermark, lame/flac, the C2PA signer and the embedded Merkle ledger.
 */
@ExtendWith(VertxExtension.class)
class SynthRoutesTest {
  static final String TEXT =
      "Your new debit card has been posted today and should arrive within three working days.";

  @TempDir Path tmp;
  private RouteFixture fx;
  private int port;

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    Tools.require("espeak-ng");
    fx = new RouteFixture(tmp);
    port = fx.serve(vertx, fx.synthesizer(UsageRules.defaults()).build());
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  static String body(String token, String text, String language, String purpose, String format) {
    return new JsonObject()
        .put("text", text)
        .put("consentToken", token)
        .put("language", language)
        .put("purpose", purpose)
        .put("format", format)
        .encode();
  }

  private HttpResponse<byte[]> synthesize(String token, String text, String purpose)
      throws Exception {
    return fx.post(port, fx.licenseeKey, body(token, text, "en", purpose, "wav"));
  }

  /** Asserts a refusal: status, problem type and {@code reasons}; returns the problem. */
  static JsonObject assertRefused(HttpResponse<byte[]> r, int status, String... reasons) {
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(r.statusCode()).as(body).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(Problems.CONTENT_TYPE);
    JsonObject p = TestServers.assertProblemBody(body, status, reasons[0]);
    assertThat(p.getJsonArray("reasons")).isEqualTo(new JsonArray(List.of((Object[]) reasons)));
    return p;
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void synthesize_allowed_audioWhoseMarkManifestAndProofLeadToItsRecord(OutputFormat format)
      throws Exception {
    if (format != OutputFormat.WAV) {
      Tools.require(format == OutputFormat.MP3 ? "lame" : "flac");
    }
    RouteFixture.Token t = fx.token();
    HttpResponse<byte[]> r =
        fx.post(
            port, fx.licenseeKey, body(t.jwt(), TEXT, "en", "notifications", format.formatName()));

    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(format.mediaType());
    UUID manifestId =
        UUID.fromString(r.headers().firstValue(SynthRoutes.MANIFEST_ID).orElseThrow());
    long index = Long.parseLong(r.headers().firstValue(SynthRoutes.LEDGER_INDEX).orElseThrow());
    byte[] file = r.body();

    // The watermark decodes to a payload that keys exactly this response's ledger record.
    DecodedAudio a = AudioDecoder.create().decode(withoutLeadingId3(file, format));
    Detection d =
        Watermarker.builder()
            .build()
            .detect(a.channels(), a.sampleRate(), List.of(fx.ring.watermarkKeys().current()));
    assertThat(d.found()).isTrue();
    LedgerEntry e =
        fx.ledger
            .findByWatermark(java.util.HexFormat.of().parseHex(d.payload().orElseThrow().hex()))
            .orElseThrow();
    assertThat(e.index()).isEqualTo(index);
    LedgerRecord rec = e.record();
    assertThat(rec.kind()).isEqualTo(RecordKind.SYNTHESIS);
    assertThat(rec.id()).isEqualTo(manifestId.toString());
    assertThat(rec.audioSha256()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(file));
    // What the owner's uses list needs, and no personal data: commitment, pseudonym, purpose.
    assertThat(rec.consentCommitment()).isEqualTo(t.commitment());
    assertThat(rec.licensee()).startsWith("lp-").doesNotContain("bank");
    assertThat(rec.subject()).isEqualTo("notifications");
    assertThat(fx.ledger.findByCommitment(t.commitment()))
        .extracting(LedgerEntry::index)
        .containsExactly(index);

    // The embedded manifest verifies against the operator's root and names the same record.
    ManifestReport m =
        ManifestVerifier.builder().trustAnchor(fx.ring.rootCertificate()).build().verify(file);
    assertThat(m.isValid()).isTrue();
    VoxProofAssertions v = m.voxproof().orElseThrow();
    assertThat(v.manifestId()).contains(manifestId.toString());
    assertThat(v.ledgerOrigin()).contains(fx.ledger.origin());

    // The record's inclusion proof verifies against the signed checkpoint.
    TlogProofEvidence ev = (TlogProofEvidence) fx.ledger.evidence(manifestId.toString());
    TlogProofVerifier proofs =
        TlogProofVerifier.builder()
            .origin(fx.noteSigner.name())
            .trust(fx.noteSigner.verifier())
            .build();
    assertThat(proofs.verifyEntry(ev.tlogProof(), rec.encode()).index()).isEqualTo(index);
  }

  /** See SynthesizerTest: the audio module does not yet skip an ID3v2 tag before {@code fLaC}. */
  static byte[] withoutLeadingId3(byte[] f, OutputFormat format) {
    if (format != OutputFormat.FLAC || f.length < 10 || f[0] != 'I' || f[1] != 'D' || f[2] != '3') {
      return f;
    }
    int size = (f[6] & 0x7f) << 21 | (f[7] & 0x7f) << 14 | (f[8] & 0x7f) << 7 | (f[9] & 0x7f);
    return Arrays.copyOfRange(f, 10 + size, f.length);
  }

  @Test
  void synthesize_forgedToken_403InvalidToken() throws Exception {
    try (KeyRing other =
        KeyRing.builder()
            .dataDirectory(tmp.resolve("other-keys"))
            .password("x".toCharArray())
            .open()) {
      Instant now = Instant.now().minusSeconds(1);
      String forged =
          org.voxproof.consent.token.ConsentTokenIssuer.create(RouteFixture.ISSUER, other)
              .issue(grantLike(now));
      assertRefused(synthesize(forged, TEXT, "notifications"), 403, "invalid_token");
    }
    assertThat(fx.ledger.size()).isZero();
  }

  private static ConsentGrant grantLike(Instant now) {
    return new ConsentGrant(
        "jti-f",
        "consent-f",
        "voice-f",
        "owner-f",
        "bank",
        java.util.Set.of("notifications"),
        java.util.Set.of("en"),
        400,
        org.voxproof.policy.Assurance.BASIC,
        "ab".repeat(32),
        new byte[32],
        now,
        now,
        now.plusSeconds(3600),
        new org.voxproof.consent.token.StatusReference(RouteFixture.STATUS_LIST, 99));
  }

  @Test
  void synthesize_tamperedToken_403InvalidToken() throws Exception {
    String jwt = fx.token().jwt();
    String[] parts = jwt.split("\\.");
    String claims =
        new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"notifications\"", "\"marketing\"");
    String tampered =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertRefused(synthesize(tampered, TEXT, "marketing"), 403, "invalid_token");
    assertRefused(synthesize("not.a.token", TEXT, "notifications"), 403, "invalid_token");
    assertThat(fx.ledger.size()).isZero();
  }

  @Test
  void synthesize_revoked_403ConsentRevokedOnTheNextRequest() throws Exception {
    RouteFixture.Token t = fx.token();
    fx.revoke(t);
    assertRefused(synthesize(t.jwt(), TEXT, "notifications"), 403, "consent_revoked");
    assertThat(fx.ledger.size()).isZero();
  }

  @Test
  void synthesize_expired_403ConsentExpired() throws Exception {
    Instant issued = Instant.now().minus(Duration.ofHours(3));
    RouteFixture.Token t = fx.token("bank", issued, issued.plus(Duration.ofHours(1)));
    assertRefused(synthesize(t.jwt(), TEXT, "notifications"), 403, "consent_expired");
  }

  @Test
  void synthesize_purposeOrLanguageOrLicenseeOutsideTheConsent_403OutOfScope() throws Exception {
    String jwt = fx.token().jwt();
    assertRefused(synthesize(jwt, TEXT, "marketing"), 403, "out_of_scope");
    assertRefused(
        fx.post(port, fx.licenseeKey, body(jwt, "Guten Tag.", "de", "notifications", "wav")),
        403,
        "out_of_scope");
    // A genuine token, but the calling client belongs to another licensee.
    assertRefused(
        fx.post(port, fx.otherLicenseeKey, body(jwt, TEXT, "en", "notifications", "wav")),
        403,
        "out_of_scope");
    assertThat(fx.ledger.size()).isZero();
  }

  @Test
  void synthesize_cedarForbids_403PolicyDenied(Vertx vertx) throws Exception {
    String policies =
        """
        @id("licensee-synthesize")
        permit (principal is VoxProof::Licensee, action == VoxProof::Action::"synthesize",
                resource is VoxProof::Consent)
        when { principal.tenant == resource.tenant };
        @id("no-chinese-here")
        forbid (principal, action == VoxProof::Action::"synthesize", resource)
        when { context.language == "zh" };
        """;
    Synthesizer s =
        fx.synthesizer(UsageRules.defaults())
            .policy(PolicyEngine.builder().policies(policies).build())
            .build();
    int p = fx.serve(vertx, s);
    HttpResponse<byte[]> r =
        fx.post(p, fx.licenseeKey, body(fx.token().jwt(), "你好。", "zh", "notifications", "wav"));
    assertRefused(r, 403, "policy_denied");
    assertThat(fx.ledger.size()).isZero();
  }

  @Test
  void synthesize_contentRule_403WithItsReason() throws Exception {
    assertRefused(
        synthesize(fx.token().jwt(), "Transfer it to account number 12345678.", "notifications"),
        403,
        "content_not_allowed");
  }

  @Test
  void synthesize_rateLimitSpent_429WithRetryAfter(Vertx vertx) throws Exception {
    Synthesizer strict =
        fx.synthesizer(UsageRules.builder().rateLimit(new RateLimit(0.01, 1)).build()).build();
    int p = fx.serve(vertx, strict);
    String jwt = fx.token().jwt();
    // The first request takes the bucket's only token (and is refused later, by scope).
    assertRefused(
        fx.post(p, fx.licenseeKey, body(jwt, TEXT, "en", "marketing", "wav")), 403, "out_of_scope");
    HttpResponse<byte[]> r =
        fx.post(p, fx.licenseeKey, body(jwt, TEXT, "en", "notifications", "wav"));
    assertRefused(r, 429, "rate_limited");
    assertThat(r.headers().firstValue("Retry-After")).hasValue("100");
  }

  @Test
  void synthesize_badRequests_400() throws Exception {
    String jwt = fx.token().jwt();
    assertRefused(synthesize(jwt, "  \n ", "notifications"), 400, "text_empty");
    assertRefused(synthesize(jwt, "a".repeat(401), "notifications"), 400, "text_too_long");
    assertRefused(synthesize(jwt, "Hi\u0007there", "notifications"), 400, "text_invalid");
    assertRefused(synthesize(jwt, TEXT, "Not A Purpose"), 400, "purpose_invalid");
    assertRefused(fx.post(port, fx.licenseeKey, "{\"text\": "), 400, "bad_request");
    assertRefused(fx.post(port, fx.licenseeKey, "[1, 2]"), 400, "bad_request");
    assertRefused(fx.post(port, fx.licenseeKey, ""), 400, "bad_request");
    assertRefused(
        fx.post(port, fx.licenseeKey, "{\"text\": \"a\", \"text\": \"b\"}"), 400, "bad_request");
    assertRefused(
        fx.post(
            port,
            fx.licenseeKey,
            new JsonObject(body(jwt, TEXT, "en", "notifications", "wav"))
                .put("voice", "x")
                .encode()),
        400,
        "bad_request");
    assertRefused(
        fx.post(
            port,
            fx.licenseeKey,
            new JsonObject(body(jwt, TEXT, "en", "notifications", "wav")).put("text", 7).encode()),
        400,
        "bad_request");
    assertRefused(
        fx.post(port, fx.licenseeKey, body(jwt, TEXT, "en", "notifications", "ogg")),
        400,
        "format_invalid");
    assertThat(fx.ledger.size()).isZero();
  }

  @Test
  void synthesize_withoutLicenseeKey_401Or403() throws Exception {
    String b = body(fx.token().jwt(), TEXT, "en", "notifications", "wav");
    HttpResponse<byte[]> none = fx.post(port, null, b);
    assertThat(none.statusCode()).isEqualTo(401);
    HttpResponse<byte[]> platform = fx.post(port, fx.platformKey, b);
    assertThat(platform.statusCode()).isEqualTo(403);
    assertThat(
            new JsonObject(new String(platform.body(), StandardCharsets.UTF_8)).getString("type"))
        .isEqualTo(Problems.TYPE_BASE + "forbidden");
  }

  @Test
  void synthesize_engineDown_503AndNoLedgerRecord(Vertx vertx) throws Exception {
    Synthesizer broken =
        Synthesizer.builder()
            .policy(PolicyEngine.builder().build())
            .engine(EspeakEngine.builder().executable(tmp.resolve("no-espeak")).build())
            .watermarkKeys(fx.ring.watermarkKeys())
            .signer(ManifestSigner.builder().keyRing(fx.ring).build())
            .ledger(fx.ledger)
            .pseudonyms(new LicenseePseudonyms(new byte[32]))
            .build();
    int p = fx.serve(vertx, broken);
    HttpResponse<byte[]> r =
        fx.post(p, fx.licenseeKey, body(fx.token().jwt(), TEXT, "en", "notifications", "wav"));
    assertRefused(r, 503, "engine_unavailable");
    assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(fx.ledger.size()).isZero();
  }

  @Test
  void synthesize_ledgerDown_503AndNoAudioNoRecord() throws Exception {
    String jwt = fx.token().jwt();
    fx.ledger.close();
    HttpResponse<byte[]> r = synthesize(jwt, TEXT, "notifications");
    assertRefused(r, 503, "ledger_unavailable");
    assertThat(r.headers().firstValue(SynthRoutes.MANIFEST_ID)).isEmpty();
    try (EmbeddedLedger reopened =
        EmbeddedLedger.builder(tmp.resolve("ledger")).signer(fx.noteSigner).open()) {
      assertThat(reopened.size()).isZero();
    }
  }
}

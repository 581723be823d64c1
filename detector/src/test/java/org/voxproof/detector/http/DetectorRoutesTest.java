package org.voxproof.detector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.voxproof.http.TestServers.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.detector.DetectorFixture;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.RecordKind;
import org.voxproof.provenance.EvidenceInvalidException;
import org.voxproof.provenance.EvidenceVerifier;
import org.voxproof.provenance.VerifiedEvidence;
import org.voxproof.synth.OutputFormat;
import org.voxproof.synth.SynthesisResult;
import org.voxproof.testkit.Tools;

/**
 * {@code POST /v1/detect} over HTTP against a real key ring, ledger and our own synthesized output:
 * what each role sees, the legal basis rule and its audit record, the rate limit, non-audio, and
 * the evidence bundle.
 */
@ExtendWith(VertxExtension.class)
class DetectorRoutesTest {
  @TempDir static Path dir;
  static DetectorFixture fx;
  static DetectorService service;
  static DetectorHttp http;
  static SynthesisResult ours;

  @BeforeAll
  static void setUp(Vertx vertx) throws Exception {
    Tools.require("espeak-ng");
    fx = new DetectorFixture(dir);
    ours = fx.ours(DetectorFixture.TEXT, OutputFormat.WAV);
    service =
        DetectorService.builder()
            .ledger(fx.ledger)
            .keyRing(fx.ring)
            .dataDir(fx.data)
            .detectLimits(KeyRateLimits.of(0.01, 12, "detect"))
            .maxFileBytes(4L << 20)
            .workers(2)
            .build();
    http = DetectorHttp.serve(vertx, service);
  }

  @AfterAll
  static void tearDown() throws Exception {
    service.close();
    fx.close();
  }

  @Test
  void platform_ourWav_verifiedSynthetic_withoutScoresSegmentsOrIdentity() throws Exception {
    HttpResponse<String> r = http.detect("vxk_platform", ours.audio());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject j = new JsonObject(r.body());
    assertThat(j.getString("verdict")).isEqualTo("verified-synthetic");
    assertThat(j.getJsonObject("confidence").fieldNames()).containsExactly("level");
    assertThat(j.getJsonObject("confidence").getString("level")).isEqualTo("high");
    assertThat(j.getJsonObject("consent").getString("status")).isEqualTo("unknown");
    assertThat(j.getString("licenseePseudonym")).startsWith("lp-");
    assertThat(j.getJsonObject("watermark").fieldNames())
        .containsExactlyInAnyOrder("found", "payload");
    assertThat(j.getJsonObject("watermark").getString("payload"))
        .isEqualTo(ours.watermarkPayload());
    assertThat(j.getJsonObject("ledger").getString("manifestId"))
        .isEqualTo(ours.manifestId().toString());
    assertThat(r.body())
        .doesNotContain("segments", "pFalseAlarm", "perSecondScores", "\"licensee\"");
    assertThat(j.getJsonObject("consent").containsKey("id")).isFalse();
  }

  @Test
  void platform_multipartUpload_sameVerdict() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("clip.wav", ours.audio());
    DetectorHttp.Multipart m = DetectorHttp.Multipart.of(files);
    HttpResponse<String> r =
        http.post("/v1/detect", "vxk_platform", m.body(), Map.of("Content-Type", m.contentType()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getString("verdict")).isEqualTo("verified-synthetic");
  }

  @Test
  void police_withoutLegalBasis_refusedAndNothingLogged() throws Exception {
    long before = fx.ledger.size();
    HttpResponse<String> r = http.detect("vxk_police", ours.audio());
    JsonObject p = assertProblem(r, 400, "legal_basis_required");
    assertThat(p.getJsonArray("reasons").getList()).containsExactly("legal_basis_required");
    assertThat(fx.ledger.size()).isEqualTo(before);
  }

  @Test
  void police_withLegalBasis_seesScoresSegments_andTheAccessIsLoggedByHashOnly() throws Exception {
    long before = fx.ledger.size();
    String basis = "Case 2026/4711, Court order of 2 Dec";
    HttpResponse<String> r =
        http.post(
            "/v1/detect",
            "vxk_police",
            ours.audio(),
            Map.of(Caller.LEGAL_BASIS_HEADER, basis, "Content-Type", "audio/wav"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject w = new JsonObject(r.body()).getJsonObject("watermark");
    assertThat(w.getDouble("pFalseAlarm")).isLessThan(1e-6);
    assertThat(w.getJsonArray("segments")).isNotEmpty();
    assertThat(w.getJsonArray("perSecondScores")).isNotEmpty();
    assertThat(new JsonObject(r.body()).getJsonObject("confidence").containsKey("value")).isTrue();

    assertThat(fx.ledger.size()).isEqualTo(before + 1);
    LedgerEntry access = fx.ledger.entry(before);
    assertThat(access.record().kind()).isEqualTo(RecordKind.POLICE_ACCESS);
    assertThat(access.record().subject()).isEqualTo(ours.manifestId().toString());
    assertThat(access.record().detailHash()).isEqualTo(Caller.legalBasisHash(basis));
    assertThat(new String(access.record().encode(), StandardCharsets.ISO_8859_1))
        .doesNotContain("4711");
  }

  @Test
  void police_legalBasisAsQueryParameter_accepted() throws Exception {
    HttpResponse<String> r =
        http.post(
            "/v1/detect?legalBasis=case-42",
            "vxk_police",
            ours.audio(),
            Map.of("Content-Type", "audio/wav"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  void formEncodedBody_415SaysWhichEncodingsCarryAFile() throws Exception {
    HttpResponse<String> r =
        http.post(
            "/v1/detect",
            "vxk_operator",
            ours.audio(),
            Map.of("Content-Type", "application/x-www-form-urlencoded"));
    assertProblem(r, 415, "unsupported_media_type");
    assertThat(r.body()).contains("multipart/form-data");
  }

  @Test
  void pdfRenamedWav_415NotAudio() throws Exception {
    byte[] pdf =
        ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("statement.wav", pdf);
    DetectorHttp.Multipart m = DetectorHttp.Multipart.of(files);
    HttpResponse<String> r =
        http.post("/v1/detect", "vxk_operator", m.body(), Map.of("Content-Type", m.contentType()));
    assertProblem(r, 415, "not_audio");
  }

  @Test
  void tooLarge_413() throws Exception {
    assertProblem(http.detect("vxk_operator", new byte[(4 << 20) + 70_000]), 413, "too_large");
  }

  @Test
  void rolesOtherThanPlatformPoliceOperator_refused() throws Exception {
    assertProblem(http.detect(null, ours.audio()), 401, "unauthorized");
    assertProblem(http.detect("vxk_licensee", ours.audio()), 403, "forbidden");
  }

  @Test
  void rateLimit_perKey_429WithRetryAfter() throws Exception {
    byte[] junk = "not audio at all".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 12; i++) {
      assertThat(http.detect("vxk_limited", junk).statusCode()).isEqualTo(415);
    }
    HttpResponse<String> r = http.detect("vxk_limited", junk);
    assertProblem(r, 429, "rate_limited");
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    // Another key has its own bucket.
    assertThat(http.detect("vxk_platform2", junk).statusCode()).isEqualTo(415);
  }

  @Test
  void evidence_verifiesOffline_andFailsAfterAnyChange() throws Exception {
    HttpResponse<String> r =
        http.post(
            "/v1/detect?evidence=true",
            "vxk_platform",
            ours.audio(),
            Map.of("Content-Type", "audio/wav"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    byte[] bundle =
        new JsonObject(r.body()).getString("evidence").getBytes(StandardCharsets.US_ASCII);
    EvidenceVerifier v = EvidenceVerifier.builder().trustAnchor(fx.ring.rootCertificate()).build();
    VerifiedEvidence e = v.verify(bundle, ours.audio());
    assertThat(e.evidence().verdict()).isEqualTo("verified-synthetic");
    assertThat(e.ledgerIndexVerified()).hasValue(ours.ledgerIndex());
    assertThat(e.evidence().watermark().pFalseAlarm()).isEmpty(); // platform bundle: no numbers
    for (int i = 0; i < bundle.length; i += 7) {
      byte[] t = bundle.clone();
      t[i] ^= 0x01;
      assertThatThrownBy(() -> v.verify(t)).isInstanceOf(EvidenceInvalidException.class);
    }
  }
}

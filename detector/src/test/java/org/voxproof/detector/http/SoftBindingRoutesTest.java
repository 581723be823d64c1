package org.voxproof.detector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voxproof.http.TestServers.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.detector.DetectorFixture;
import org.voxproof.provenance.ManifestArchive;
import org.voxproof.synth.OutputFormat;
import org.voxproof.synth.SynthesisResult;
import org.voxproof.testkit.Tools;

/** The C2PA Soft Binding Resolution API: our watermark's binding → our archived manifest store. */
@ExtendWith(VertxExtension.class)
class SoftBindingRoutesTest {
  static final String ALG = "org.voxproof.spread-spectrum.1";
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
            .archive(fx.archive)
            .resolveLimits(KeyRateLimits.of(0.01, 20, "c2pa"))
            .workers(1)
            .build();
    http = DetectorHttp.serve(vertx, service);
  }

  @AfterAll
  static void tearDown() throws Exception {
    service.close();
    fx.close();
  }

  static String value(String payloadHex) {
    return URLEncoder.encode(
        Base64.getEncoder().encodeToString(HexFormat.of().parseHex(payloadHex)),
        StandardCharsets.US_ASCII);
  }

  @Test
  void supportedAlgorithms_namesOurWatermark() throws Exception {
    HttpResponse<String> r = http.get("/c2pa/v1/services/supportedAlgorithms", null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject j = new JsonObject(r.body());
    assertThat(j.getJsonArray("watermarks").getJsonObject(0).getString("alg")).isEqualTo(ALG);
  }

  @Test
  void byBinding_ourPayload_resolvesToTheManifest_whoseStoreHashIsInTheLedger() throws Exception {
    HttpResponse<String> r =
        http.get(
            "/c2pa/v1/matches/byBinding?alg=" + ALG + "&value=" + value(ours.watermarkPayload()),
            null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject match = new JsonObject(r.body()).getJsonArray("matches").getJsonObject(0);
    assertThat(match.getString("manifestId")).isEqualTo(ManifestArchive.label(ours.manifestId()));

    HttpResponse<byte[]> m =
        http.getBytes(
            "/c2pa/v1/manifests/"
                + URLEncoder.encode(match.getString("manifestId"), StandardCharsets.US_ASCII));
    assertThat(m.statusCode()).isEqualTo(200);
    assertThat(m.headers().firstValue("Content-Type")).hasValue("application/c2pa");
    byte[] recorded =
        fx.ledger.findById(ours.manifestId().toString()).orElseThrow().record().manifestHash();
    assertThat(MessageDigest.getInstance("SHA-256").digest(m.body())).isEqualTo(recorded);
  }

  @Test
  void byBindingPost_sameAnswer_unknownPayload_noMatches() throws Exception {
    String body =
        new JsonObject()
            .put("alg", ALG)
            .put(
                "value",
                Base64.getEncoder()
                    .encodeToString(HexFormat.of().parseHex(ours.watermarkPayload())))
            .encode();
    HttpResponse<String> r =
        http.post(
            "/c2pa/v1/matches/byBinding",
            null,
            body.getBytes(StandardCharsets.UTF_8),
            Map.of("Content-Type", "application/json"));
    assertThat(new JsonObject(r.body()).getJsonArray("matches")).hasSize(1);
    String other = ours.watermarkPayload().equals("00000000") ? "00000001" : "00000000";
    HttpResponse<String> none =
        http.get("/c2pa/v1/matches/byBinding?alg=" + ALG + "&value=" + value(other), null);
    assertThat(new JsonObject(none.body()).getJsonArray("matches")).isEmpty();
  }

  @Test
  void badQueries_400_unknownManifest_404() throws Exception {
    assertProblem(
        http.get("/c2pa/v1/matches/byBinding?alg=com.adobe.trustmark.Q&value=AAAAAA%3D%3D", null),
        400,
        "unsupported_algorithm");
    assertProblem(
        http.get("/c2pa/v1/matches/byBinding?alg=" + ALG + "&value=%21%21", null),
        400,
        "invalid_value");
    assertProblem(http.get("/c2pa/v1/matches/byBinding", null), 400, "invalid_query");
    assertProblem(http.get("/c2pa/v1/manifests/not-an-id", null), 400, "invalid_manifest_id");
    assertProblem(
        http.get("/c2pa/v1/manifests/urn:c2pa:00000000-0000-0000-0000-000000000000", null),
        404,
        "not_found");
  }
}

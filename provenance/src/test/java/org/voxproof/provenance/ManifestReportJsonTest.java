package org.voxproof.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReportJsonTest {
  @TempDir Path dir;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> fields(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void toJson_signedFile_fullShapeInFieldOrder() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    byte[] signed = TestFixtures.signedWav(ring);
    ManifestReport r =
        ManifestVerifier.builder().trustAnchor(ring.rootCertificate()).build().read(signed);
    String line = ManifestReportJson.toJson(r);
    assertThat(line).doesNotContain("\n");
    JsonNode j = JSON.readTree(line);
    assertThat(fields(j))
        .containsExactly(
            "present",
            "valid",
            "trusted",
            "state",
            "manifestId",
            "signer",
            "codes",
            "failures",
            "statuses",
            "voxproof");
    assertThat(j.get("state").asText()).isEqualTo("Trusted");
    assertThat(fields(j.get("statuses").get(0)))
        .containsExactly("code", "url", "success", "explanation");
    assertThat(j.get("voxproof").get("watermarkPayload").asText()).isEqualTo("c0ffee42");
    assertThat(j.get("voxproof").get("watermarkEndMillis").asLong()).isEqualTo(1000);
    assertThat(line).isEqualTo(JSON.writeValueAsString(ManifestReportJson.full(r)));
  }

  @Test
  void summary_noManifest_detectionShape() throws Exception {
    JsonNode j = JSON.valueToTree(ManifestReportJson.summary(ManifestReport.none()));
    assertThat(fields(j)).containsExactly("present", "valid", "signer", "codes");
    assertThat(j.toString())
        .isEqualTo("{\"present\":false,\"valid\":false,\"signer\":\"\",\"codes\":[]}");
    assertThat(ManifestReportJson.toJson(ManifestReport.none())).doesNotContain("voxproof");
  }

  @Test
  void toJson_controlAndQuoteCharactersInValues_escapedAsJsonReadsThemBack() throws Exception {
    String nasty = "a\"b\\c\n\u0001\u2028é";
    ManifestReport r =
        new ManifestReport(
            true,
            ManifestReport.INVALID,
            nasty,
            nasty,
            List.of(ValidationStatus.fail("claim.malformed", nasty, nasty)),
            Optional.of(
                new VoxProofAssertions(
                    Optional.of(nasty),
                    OptionalLong.of(0xffffffffL),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    OptionalLong.of(Long.MAX_VALUE),
                    Optional.empty())));
    JsonNode j = JSON.readTree(ManifestReportJson.toJson(r));
    assertThat(j.get("signer").asText()).isEqualTo(nasty);
    assertThat(j.get("statuses").get(0).get("explanation").asText()).isEqualTo(nasty);
    assertThat(j.get("voxproof").get("ledgerIndex").asLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(j.get("voxproof").get("watermarkPayload").asText()).isEqualTo("ffffffff");
  }
}

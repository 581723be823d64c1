package org.voxproof.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voxproof.synth.SynthesizerFixture.TEXT;
import static org.voxproof.synth.SynthesizerFixture.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.voxproof.policy.UsageRules;
import org.voxproof.testkit.Shared;
import org.voxproof.testkit.Tools;

/**
 * Synthesized files validate with the reference C2PA implementation (c2pa-rs through c2pa-node, set
 * up by ../shared/tools/c2pa-verifier/setup-verifier.sh in $VOXPROOF_C2PA_VERIFIER) against the
 * operator's root: state Trusted, no failure codes, hard binding matched.
 */
class SynthesizerC2paIT {
  private static final Path VERIFIER = Shared.c2paVerifier();

  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void synthesize_output_c2paRsTrustsIt(OutputFormat format) throws Exception {
    Tools.require("espeak-ng", "node", "lame", "flac");
    Tools.requireFile(VERIFIER.resolve("verify.mjs"), "the c2pa-rs verifier");
    try (SynthesizerFixture fx = new SynthesizerFixture(tmp)) {
      SynthesisResult r =
          fx.builder(UsageRules.defaults()).build().synthesize(fx.consent(), request(TEXT, format));
      Path file = tmp.resolve("out." + format.formatName());
      Files.write(file, r.audio());
      Path root = tmp.resolve("root.pem");
      Files.writeString(root, fx.ring.trustAnchorPem());
      JsonNode j = verify(file, format.mediaType(), root);
      assertThat(j.path("failures").size()).as(j.toString()).isZero();
      assertThat(j.path("state").asText()).isEqualTo("Trusted");
      List<String> codes = new ArrayList<>();
      j.path("store")
          .path("validation_results")
          .path("activeManifest")
          .path("success")
          .forEach(n -> codes.add(n.path("code").asText()));
      assertThat(codes).contains("claimSignature.validated", "assertion.dataHash.match");
    }
  }

  private static JsonNode verify(Path file, String mime, Path root) throws Exception {
    Path out = Files.createTempFile("c2pa", ".json");
    Process p =
        new ProcessBuilder(
                "node",
                VERIFIER.resolve("verify.mjs").toString(),
                file.toString(),
                mime,
                root.toString())
            .directory(VERIFIER.toFile())
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String json = Files.readString(out, StandardCharsets.UTF_8);
    Files.delete(out);
    return new ObjectMapper().readTree(json);
  }
}

package org.voxproof.synth.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.voxproof.policy.UsageRules;
import org.voxproof.synth.OutputFormat;
import org.voxproof.testkit.Shared;
import org.voxproof.testkit.Tools;

/**
 * What {@code POST /v1/synthesize} returns validates with the reference C2PA implementation
 * (c2pa-rs through c2pa-node, located by {@link Shared#c2paVerifier()}) against the operator's
 * root: state Trusted, no failure codes, claim signature and hard binding validated — for WAV, MP3
 * and FLAC, with the manifest id the response names.
 */
@ExtendWith(VertxExtension.class)
class SynthRoutesC2paIT {
  private static final Path VERIFIER = Shared.c2paVerifier();

  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void synthesize_response_c2paRsTrustsIt(OutputFormat format, Vertx vertx) throws Exception {
    Tools.require("espeak-ng", "node", "lame", "flac");
    Tools.requireFile(VERIFIER.resolve("verify.mjs"), "the c2pa-rs verifier");
    try (RouteFixture fx = new RouteFixture(tmp)) {
      int port = fx.serve(vertx, fx.synthesizer(UsageRules.defaults()).build());
      HttpResponse<byte[]> r =
          fx.post(
              port,
              fx.licenseeKey,
              SynthRoutesTest.body(
                  fx.token().jwt(),
                  SynthRoutesTest.TEXT,
                  "en",
                  "notifications",
                  format.formatName()));
      assertThat(r.statusCode()).isEqualTo(200);
      Path file = tmp.resolve("out." + format.formatName());
      Files.write(file, r.body());
      Path root = tmp.resolve("root.pem");
      Files.writeString(root, fx.ring.trustAnchorPem());
      JsonNode j = verify(file, r.headers().firstValue("Content-Type").orElseThrow(), root);
      assertThat(j.path("failures").size()).as(j.toString()).isZero();
      assertThat(j.path("state").asText()).isEqualTo("Trusted");
      List<String> codes = new ArrayList<>();
      JsonNode store = j.path("store");
      store
          .path("validation_results")
          .path("activeManifest")
          .path("success")
          .forEach(n -> codes.add(n.path("code").asText()));
      assertThat(codes).contains("claimSignature.validated", "assertion.dataHash.match");
      assertThat(store.toString())
          .contains(r.headers().firstValue(SynthRoutes.MANIFEST_ID).orElseThrow());
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

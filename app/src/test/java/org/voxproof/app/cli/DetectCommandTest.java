package org.voxproof.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.server.ServerConfig;
import org.voxproof.app.server.VoxProofServer;
import org.voxproof.consent.token.ConsentGrant;
import org.voxproof.consent.token.ConsentTokenIssuer;
import org.voxproof.consent.token.ConsentVerifier;
import org.voxproof.consent.token.StatusList;
import org.voxproof.consent.token.StatusReference;
import org.voxproof.consent.token.TokenKeySource;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.policy.Assurance;
import org.voxproof.policy.PolicyEngine;
import org.voxproof.policy.Principal;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.ManifestArchive;
import org.voxproof.provenance.ManifestSigner;
import org.voxproof.synth.LicenseePseudonyms;
import org.voxproof.synth.OutputFormat;
import org.voxproof.synth.SynthesisRequest;
import org.voxproof.synth.SynthesisResult;
import org.voxproof.synth.Synthesizer;
import org.voxproof.synth.engine.EspeakEngine;
import org.voxproof.testkit.Tools;

/**
 * End to end on one data directory: our output made by the real synthesis pipeline, then {@code
 * voxproof serve} answering {@code POST /v1/detect?evidence=true}, {@code voxproof detect --server}
 * and {@code --data-dir}, and {@code voxproof verify-evidence} accepting the bundle offline and
 * rejecting it after a change.
 */
class DetectCommandTest {
  @TempDir Path dir;
  @RegisterExtension final CliRun cli = new CliRun();

  /** Synthesizes one WAV into the data directory's ledger and archive, as serve would. */
  private SynthesisResult synthesize(Path data) throws Exception {
    try (KeyRing ring = KeyRing.builder().dataDirectory(data).open();
        EmbeddedLedger ledger =
            EmbeddedLedger.builder(data)
                .signer(
                    ring.checkpointSigner(
                        EmbeddedLedger.storedOrigin(data).orElseGet(EmbeddedLedger::newOrigin)))
                .open()) {
      Synthesizer synth =
          Synthesizer.builder()
              .policy(PolicyEngine.builder().build())
              .engine(EspeakEngine.builder().build())
              .watermarkKey(ring.watermarkKeys().current())
              .signer(
                  ManifestSigner.builder()
                      .keyRing(ring)
                      .archive(ManifestArchive.open(data.resolve("manifests")))
                      .build())
              .ledger(ledger)
              .pseudonyms(new LicenseePseudonyms(new byte[32]))
              .build();
      Instant now = Instant.now().minusSeconds(1);
      ConsentGrant g =
          new ConsentGrant(
              "jti-1",
              "consent-1",
              "voice-1",
              "owner-1",
              "bank",
              Set.of("notifications"),
              Set.of("en"),
              5000,
              Assurance.BASIC,
              "ab".repeat(32),
              new byte[32],
              now,
              now,
              now.plus(Duration.ofHours(1)),
              new StatusReference("https://consent.example/v1/status-lists/1", 1));
      var consent =
          ConsentVerifier.builder()
              .issuer("https://consent.example")
              .keys(TokenKeySource.of(ring))
              .statusSource((uri, i) -> StatusList.VALID)
              .build()
              .verify(ConsentTokenIssuer.create("https://consent.example", ring).issue(g), "bank");
      return synth.synthesize(
          consent,
          new SynthesisRequest(
              Principal.licensee("client-1", "bank"),
              "Your card has been posted today.",
              "en",
              "notifications",
              OutputFormat.WAV,
              Optional.empty()));
    }
  }

  private String key(Path data, String name, String role) {
    assertThat(
            cli.run("admin", "create-client", "--data-dir", data, "--name", name, "--role", role))
        .isZero();
    String[] words = cli.stdout().strip().split("\\s+");
    return words[words.length - 1];
  }

  @Test
  void detectAndVerifyEvidence_endToEnd() throws Exception {
    Tools.require("espeak-ng");
    Path data = dir.resolve("data");
    SynthesisResult ours = synthesize(data);
    Path wav = Files.write(dir.resolve("ours.wav"), ours.audio());
    Path plain = dir.resolve("plain.wav");
    Process p =
        new ProcessBuilder("espeak-ng", "-w", plain.toString(), "An ordinary recording.").start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Path pdf = Files.writeString(dir.resolve("doc.wav"), "%PDF-1.4\n%%EOF\n");
    String platform = key(data, "videoshare", "platform");

    Path bundle = dir.resolve("bundle.jws");
    try (VoxProofServer server = VoxProofServer.start(ServerConfig.plain(data, "127.0.0.1", 0))) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.url() + "/v1/detect?evidence=true"))
                      .header("Authorization", "Bearer " + platform)
                      .POST(HttpRequest.BodyPublishers.ofFile(wav))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonObject j = new JsonObject(r.body());
      assertThat(j.getString("verdict")).isEqualTo("verified-synthetic");
      Files.writeString(bundle, j.getString("evidence") + "\n");

      assertThat(cli.run("detect", "--server", server.url(), "--api-key", platform, wav, plain))
          .isZero();
      String[] lines = cli.stdout().strip().split("\n");
      assertThat(lines).hasSize(2);
      assertThat(new JsonObject(lines[0]).getString("verdict")).isEqualTo("verified-synthetic");
      assertThat(new JsonObject(lines[1]).getString("verdict")).isEqualTo("no-provenance-found");
      assertThat(lines[0]).doesNotContain("segments");
      assertThat(cli.run("detect", "--server", server.url(), "--api-key", platform, plain))
          .isEqualTo(1);
      assertThat(cli.run("detect", "--server", server.url(), "--api-key", platform, pdf))
          .isEqualTo(2);
      assertThat(cli.stdout()).contains("\"reason\":\"not_audio\"");
    }

    // Offline: the operator's root from the data directory, nothing else.
    assertThat(cli.run("verify-evidence", "--data-dir", data, bundle, "--audio", wav)).isZero();
    assertThat(cli.lastJson().path("ledger").path("index").asLong()).isEqualTo(ours.ledgerIndex());
    byte[] b = Files.readAllBytes(bundle);
    for (int i : new int[] {5, b.length / 2, b.length - 3}) {
      byte[] t = b.clone();
      t[i] ^= 0x01;
      Path changed = Files.write(dir.resolve("changed-" + i + ".jws"), t);
      assertThat(cli.run("verify-evidence", "--data-dir", data, changed)).isEqualTo(1);
    }

    // Locally, with the data directory (operator view: the numbers too).
    assertThat(cli.run("detect", "--data-dir", data, wav)).isZero();
    JsonObject local = new JsonObject(cli.stdout().strip());
    assertThat(local.getString("verdict")).isEqualTo("verified-synthetic");
    assertThat(local.getJsonObject("watermark").getJsonArray("segments")).isNotEmpty();
    assertThat(cli.run("detect", "--data-dir", data, dir.resolve("missing.wav"))).isEqualTo(2);
    assertThat(new String(Files.readAllBytes(bundle), StandardCharsets.US_ASCII)).endsWith("\n");
  }
}

package org.voxproof.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.AnchoredEvidence;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.fabric.AnchoredLedger;
import org.voxproof.ledger.fabric.FabricTestChannel;
import org.voxproof.provenance.EvidenceInvalidException;
import org.voxproof.provenance.EvidenceVerifier;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.LedgerFindings;
import org.voxproof.provenance.TestBundles;
import org.voxproof.provenance.VerifiedEvidence;

/**
 * {@code serve --ledger hybrid}: the server connects to a FAKE Fabric gateway (in-process channel
 * running the REAL chaincode, served over TLS on a real gRPC server) through a {@code
 * --fabric-config} properties file, as it would to a peer; appends go to the embedded log, the
 * periodic anchoring puts the checkpoint on the channel, and the evidence verifies offline with the
 * operator root and the channel's MSP roots.
 */
class ServeHybridTest {
  @TempDir Path dir;

  @Test
  @Timeout(180) // a hang would otherwise block the build; not a timing assertion
  void serveHybrid_appendsAnchoredPeriodically_evidenceVerifiesOffline() throws Exception {
    Path data = dir.resolve("data");
    try (FabricTestChannel channel = FabricTestChannel.start()) {
      Path fabricConfig = channel.serveOverTls(dir.resolve("fabric"), "anchorPeriodMillis=20");
      ServerConfig config =
          ServerConfig.plain(data, "127.0.0.1", 0)
              .withLedger(LedgerBackend.of(LedgerBackend.Mode.HYBRID, fabricConfig));
      AnchoredEvidence evidence;
      String origin;
      try (VoxProofServer server = VoxProofServer.start(config)) {
        assertThat(server.describe())
            .contains("ledger hybrid: log ")
            .contains("checkpoints anchored on Fabric voxproof/voxproof");
        AnchoredLedger ledger = (AnchoredLedger) server.ledger();
        origin = ledger.origin();
        for (int i = 0; i < 3; i++) {
          ledger.append(record("m-" + i, i));
        }
        // The periodic anchoring (every 20 ms), not an explicit anchorNow().
        AnchoredLedger.Anchor anchor = ledger.awaitAnchored(3, Duration.ofMinutes(2)).orElseThrow();
        assertThat(anchor.size()).isEqualTo(3);
        assertThat(anchor.note()).contains("\n3\n");

        HttpResponse<String> cp =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/v1/ledger/checkpoint"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(cp.statusCode()).isEqualTo(200);
        assertThat(cp.body()).isEqualTo(ledger.latestCheckpoint().note());

        evidence = (AnchoredEvidence) ledger.evidence("m-1");
        assertThat(evidence.entry().index()).isEqualTo(1);
      }
      String verifierKey = Files.readString(data.resolve("ledger/checkpoint.vkey")).strip();
      LedgerFindings findings = LedgerFindings.of(evidence, origin, verifierKey);
      try (KeyRing ring = KeyRing.builder().dataDirectory(data).existingOnly().open()) {
        byte[] bundle =
            TestBundles.sign(ring, findings, "00000101").getBytes(StandardCharsets.US_ASCII);
        EvidenceVerifier verifier =
            EvidenceVerifier.builder()
                .trustAnchor(ring.rootCertificate())
                .fabricMspRootsPem(channel.mspRootsPem())
                .build();
        VerifiedEvidence v = verifier.verify(bundle);
        assertThat(v.ledgerIndexVerified()).hasValue(1);
        assertThat(v.evidence().ledger().orElseThrow().type())
            .isEqualTo(LedgerFindings.ANCHORED_TLOG);
        assertThat(v.fabricTransaction().orElseThrow().endorsingMsps())
            .containsExactly("AuditorMSP", "VoxProofMSP");

        EvidenceVerifier withoutMspRoots =
            EvidenceVerifier.builder().trustAnchor(ring.rootCertificate()).build();
        assertThatThrownBy(() -> withoutMspRoots.verify(bundle))
            .isInstanceOf(EvidenceInvalidException.class)
            .hasMessageContaining("--fabric-msp-roots");
        byte[] changed = bundle.clone();
        changed[changed.length / 2] ^= 1;
        assertThatThrownBy(() -> verifier.verify(changed))
            .isInstanceOf(EvidenceInvalidException.class);
      }

      // Closed: the channel holds the head, and a restart checks the log extends it.
      try (VoxProofServer again = VoxProofServer.start(config)) {
        AnchoredLedger l = (AnchoredLedger) again.ledger();
        assertThat(l.lastAnchor().orElseThrow().size()).isEqualTo(3);
      }
    }
  }

  @Test
  @Timeout(180)
  void serveFabric_recordsOnTheChannel_lookupServed_merkleRoutesNotSupported() throws Exception {
    try (FabricTestChannel channel = FabricTestChannel.start()) {
      Path fabricConfig = channel.serveOverTls(dir.resolve("fabric"));
      ServerConfig config =
          ServerConfig.plain(dir.resolve("data"), "127.0.0.1", 0)
              .withLedger(LedgerBackend.of(LedgerBackend.Mode.FABRIC, fabricConfig));
      try (VoxProofServer server = VoxProofServer.start(config)) {
        assertThat(server.describe()).contains("ledger on Fabric fabric:voxproof/voxproof");
        server.ledger().append(record("m-7", 7));
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> lookup =
            get(client, server.url() + "/v1/ledger/lookup?watermark=00000107");
        assertThat(lookup.statusCode()).isEqualTo(200);
        assertThat(lookup.body()).contains("\"id\":\"m-7\"");
        HttpResponse<String> cp = get(client, server.url() + "/v1/ledger/checkpoint");
        assertThat(cp.statusCode()).isEqualTo(501);
        assertThat(cp.body()).contains("not_supported");
      }
    }
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void ledgerBackend_fabricModesNeedTheConfig_embeddedRefusesIt() {
    assertThat(new LedgerBackend(LedgerBackend.Mode.EMBEDDED, null))
        .isEqualTo(LedgerBackend.embedded());
    assertThatThrownBy(() -> new LedgerBackend(LedgerBackend.Mode.HYBRID, null))
        .hasMessage("--ledger hybrid needs --fabric-config FILE");
    assertThatThrownBy(() -> LedgerBackend.of(LedgerBackend.Mode.EMBEDDED, dir))
        .hasMessage("--fabric-config goes with --ledger fabric or --ledger hybrid");
  }

  private static LedgerRecord record(String id, int mark) {
    return LedgerRecord.synthesis(
        id,
        new byte[] {0, 0, 1, (byte) mark},
        new byte[32],
        new byte[32],
        new byte[32],
        "lic-3f9a1c",
        "espeak-ng",
        Instant.parse("2026-12-02T06:00:00Z"));
  }
}

package org.voxproof.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.fabric.AnchoredLedger;
import org.voxproof.ledger.fabric.FabricLedger;
import org.voxproof.ledger.fabric.FabricTestChannel;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.provenance.EvidenceInvalidException.Reason;

/**
 * Evidence bundles with Fabric and hybrid ledger evidence (from a FAKE channel running the REAL
 * chaincode), verified offline with the operator root and the channel's MSP roots. The
 * every-changed-byte loops over these bundles run in {@code FabricEvidenceBundleIT}.
 */
class FabricEvidenceBundleTest {
  static final String ORIGIN = "voxproof.test/hybrid";
  @TempDir static Path dir;
  static KeyRing ring;
  static FabricTestChannel channel;
  static LedgerFindings fabric;
  static LedgerFindings anchored;

  @BeforeAll
  static void setUp() throws Exception {
    setUp(dir);
  }

  /** Creates the key ring, the fake channel and both kinds of findings under {@code dir}. */
  static void setUp(Path dir) throws Exception {
    ring = TestFixtures.newKeyRing(dir.resolve("data"));
    channel = FabricTestChannel.start();
    try (FabricLedger ledger = channel.ledger()) {
      ledger.append(record("m-1", 1));
      ledger.append(record("m-2", 2));
      fabric = LedgerFindings.of(ledger.evidence("m-2"), ledger.origin(), "");
    }
    NoteSigner key = Ed25519NoteKeys.generate(ORIGIN);
    EmbeddedLedger log =
        EmbeddedLedger.builder(dir.resolve("log")).origin(ORIGIN).signer(key).open();
    try (AnchoredLedger hybrid = channel.hybrid(log, key.verifier().verifierKey())) {
      for (int i = 0; i < 4; i++) {
        hybrid.append(record("h-" + i, 10 + i));
      }
      hybrid.anchorNow();
      hybrid.append(record("h-4", 14));
      anchored = LedgerFindings.of(hybrid.evidence("h-2"), ORIGIN, key.verifier().verifierKey());
    }
  }

  @AfterAll
  static void tearDown() throws Exception {
    channel.close();
  }

  static LedgerRecord record(String id, int mark) {
    return LedgerRecord.synthesis(
        id,
        new byte[] {0, 0, 0, (byte) mark},
        new byte[32],
        new byte[32],
        new byte[32],
        "lic-3f9a1c",
        "espeak-ng",
        Instant.parse("2026-11-21T06:00:00Z"));
  }

  static byte[] bundle(KeyRing ring, LedgerFindings l) throws Exception {
    return TestBundles.sign(ring, l, "0000000c").getBytes(StandardCharsets.US_ASCII);
  }

  static EvidenceVerifier verifier(KeyRing ring, FabricTestChannel channel) throws Exception {
    return EvidenceVerifier.builder()
        .trustAnchor(ring.rootCertificate())
        .fabricMspRootsPem(channel.mspRootsPem())
        .build();
  }

  @Test
  void verify_fabricBundle_checksTheTransactionAgainstTheChannelRoots() throws Exception {
    VerifiedEvidence v = verifier(ring, channel).verify(bundle(ring, fabric));
    assertThat(v.evidence().ledger()).hasValue(fabric);
    assertThat(v.ledgerIndexVerified()).hasValue(2);
    assertThat(v.fabricTransaction().orElseThrow().endorsingMsps())
        .containsExactly("AuditorMSP", "VoxProofMSP");
  }

  @Test
  void verify_hybridBundle_checksTheTlogProofAndTheAnchor() throws Exception {
    VerifiedEvidence v = verifier(ring, channel).verify(bundle(ring, anchored));
    assertThat(v.ledgerIndexVerified()).hasValue(2);
    assertThat(v.evidence().ledger().orElseThrow().type()).isEqualTo(LedgerFindings.ANCHORED_TLOG);
    assertThat(v.fabricTransaction().orElseThrow().endorsingMsps()).hasSize(2);
  }

  @Test
  void verify_fabricBundleWithoutMspRoots_failsSayingWhatIsMissing() throws Exception {
    EvidenceVerifier v = EvidenceVerifier.builder().trustAnchor(ring.rootCertificate()).build();
    for (LedgerFindings l : List.of(fabric, anchored)) {
      assertThatThrownBy(() -> v.verify(bundle(ring, l)))
          .isInstanceOfSatisfying(
              EvidenceInvalidException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.LEDGER_PROOF_INVALID))
          .hasMessageContaining("needs the channel's MSP root certificates (--fabric-msp-roots)");
    }
  }

  @Test
  void verify_fabricOriginOfAnotherChannel_fails() throws Exception {
    LedgerFindings.Fabric f = (LedgerFindings.Fabric) fabric;
    LedgerFindings other =
        new LedgerFindings.Fabric("fabric:other/voxproof", f.index(), f.record(), f.transaction());
    assertThatThrownBy(() -> verifier(ring, channel).verify(bundle(ring, other)))
        .hasMessageContaining("origin fabric:other/voxproof is not this transaction's channel");
  }

  @Test
  void verify_hybridWithTheAnchorOfAnotherCheckpoint_fails() throws Exception {
    LedgerFindings.Anchored a = (LedgerFindings.Anchored) anchored;
    LedgerFindings.Fabric f = (LedgerFindings.Fabric) fabric;
    LedgerFindings swapped = new LedgerFindings.Anchored(a.tlog(), f.transaction());
    assertThatThrownBy(() -> verifier(ring, channel).verify(bundle(ring, swapped)))
        .hasMessageContaining("the transaction did not write this checkpoint");
  }
}

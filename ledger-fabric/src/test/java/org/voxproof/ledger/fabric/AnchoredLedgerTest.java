package org.voxproof.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.AnchoredEvidence;
import org.voxproof.ledger.LedgerCorruptException;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.TestRecords;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.ledger.note.TlogProof;
import org.voxproof.ledger.note.TlogProofVerifier;

/** The hybrid: the embedded log with checkpoints anchored through the REAL chaincode. */
class AnchoredLedgerTest {
  private static final String ORIGIN = "voxproof.test/hybrid";
  private static final NoteSigner KEY = Ed25519NoteKeys.generate(ORIGIN);
  private FakeNetwork net;
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    net = new FakeNetwork();
  }

  @AfterEach
  void stop() throws Exception {
    net.close();
  }

  private AnchoredLedger open(Path logDir) throws LedgerException {
    EmbeddedLedger log = EmbeddedLedger.builder(logDir).origin(ORIGIN).signer(KEY).open();
    try {
      return net.hybrid(log, KEY.verifier().verifierKey());
    } catch (LedgerException | RuntimeException e) {
      log.close();
      throw e;
    }
  }

  @Test
  void evidence_tlogProofAgainstAnAnchoredCheckpoint_verifiesBothWays() throws Exception {
    try (AnchoredLedger l = open(dir.resolve("log"))) {
      for (int i = 0; i < 5; i++) {
        l.append(TestRecords.synthesis(i));
      }
      AnchoredLedger.Anchor a = l.anchorNow().orElseThrow();
      assertThat(a.size()).isEqualTo(5);
      l.append(TestRecords.synthesis(5));
      AnchoredEvidence ev = (AnchoredEvidence) l.evidence("manifest-3");

      var tlog =
          TlogProofVerifier.builder()
              .origin(ORIGIN)
              .trust(KEY.verifier())
              .build()
              .verifyEntry(ev.tlog().tlogProof(), TestRecords.synthesis(3).encode());
      assertThat(tlog.index()).isEqualTo(3);
      assertThat(tlog.checkpoint().size()).isEqualTo(5); // the anchored checkpoint, not the newest
      String note = TlogProof.parse(ev.tlog().tlogProof()).checkpointNote();
      VerifiedFabricTransaction t = net.verifier().verifyAnchor(ev.anchor(), note);
      assertThat(t.transactionId()).isEqualTo(a.transactionId());
      assertThat(t.endorsingMsps()).containsExactly("AuditorMSP", "VoxProofMSP");
      assertThatThrownBy(() -> net.verifier().verifyAnchor(ev.anchor(), note + " "))
          .hasMessage("leaf_mismatch: the transaction did not write this checkpoint");
    }
  }

  @Test
  void evidence_entryNotYetAnchored_anchorsItFirst() throws Exception {
    try (AnchoredLedger l = open(dir.resolve("log"))) {
      l.append(TestRecords.synthesis(1));
      l.anchorNow();
      l.append(TestRecords.synthesis(2));
      AnchoredEvidence ev = (AnchoredEvidence) l.evidence("manifest-2");
      assertThat(ev.entry().index()).isEqualTo(1);
      assertThat(l.lastAnchor().orElseThrow().size()).isEqualTo(2);
      assertThat(TlogProof.parse(ev.tlog().tlogProof()).index()).isEqualTo(1);
    }
  }

  @Test
  void anchorNow_unchangedLog_anchorsNothingNew() throws Exception {
    try (AnchoredLedger l = open(dir.resolve("log"))) {
      assertThat(l.anchorNow()).isEmpty();
      l.append(TestRecords.synthesis(1));
      AnchoredLedger.Anchor first = l.anchorNow().orElseThrow();
      int height = net.fabric.height();
      assertThat(l.anchorNow()).hasValue(first);
      assertThat(net.fabric.height()).isEqualTo(height);
    }
  }

  @Test
  void close_anchorsTheFinalCheckpoint_andReopenAcceptsTheChannelHead() throws Exception {
    Path logDir = dir.resolve("log");
    try (AnchoredLedger l = open(logDir)) {
      l.append(TestRecords.synthesis(1));
      l.append(TestRecords.synthesis(2));
    }
    try (AnchoredLedger again = open(logDir)) {
      assertThat(again.lastAnchor().orElseThrow().size()).isEqualTo(2);
      again.append(TestRecords.synthesis(3));
      assertThat(again.anchorNow().orElseThrow().size()).isEqualTo(3);
    }
  }

  @Test
  void open_localLogWithAnotherHistory_refused() throws Exception {
    try (AnchoredLedger l = open(dir.resolve("log"))) {
      l.append(TestRecords.synthesis(1));
      l.append(TestRecords.synthesis(2));
    }
    Path other = dir.resolve("other");
    try (EmbeddedLedger fork = EmbeddedLedger.builder(other).origin(ORIGIN).signer(KEY).open()) {
      for (int i = 10; i < 13; i++) {
        fork.append(TestRecords.synthesis(i));
      }
    }
    assertThatThrownBy(() -> open(other))
        .isInstanceOf(LedgerCorruptException.class)
        .hasMessageStartingWith(
            "the local log does not extend the checkpoint anchored on the channel at size 2");
  }

  @Test
  void open_localLogShorterThanTheAnchor_refused() throws Exception {
    try (AnchoredLedger l = open(dir.resolve("log"))) {
      l.append(TestRecords.synthesis(1));
      l.append(TestRecords.synthesis(2));
    }
    Path lost = dir.resolve("lost");
    try (EmbeddedLedger shorter = EmbeddedLedger.builder(lost).origin(ORIGIN).signer(KEY).open()) {
      shorter.append(TestRecords.synthesis(1));
    }
    assertThatThrownBy(() -> open(lost))
        .isInstanceOf(LedgerCorruptException.class)
        .hasMessage(
            "the local log does not extend the checkpoint anchored on the channel at size 2:"
                + " size_mismatch: the local log is shorter");
  }
}

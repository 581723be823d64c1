package org.voxproof.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.AnchoredEvidence;
import org.voxproof.ledger.FabricEvidence;
import org.voxproof.ledger.FabricTransactionProof;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.TestRecords;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.ledger.note.TlogProof;

/**
 * Every changed byte of Fabric evidence — processed transaction, block and configuration block, of
 * a record's transaction and of a checkpoint's anchor — fails verification as a {@link
 * ProofVerificationException} (nothing else escapes).
 */
class FabricEvidenceFlipIT {
  @TempDir Path dir;

  interface Check {
    void verify(FabricTransactionProof p) throws ProofVerificationException;
  }

  @Test
  void verify_everyChangedByteOfRecordAndAnchorEvidence_fails() throws Exception {
    try (FakeNetwork net = new FakeNetwork()) {
      FabricEvidenceVerifier v = net.verifier();
      FabricEvidence ev;
      try (FabricLedger ledger = net.ledger(null)) {
        ledger.append(TestRecords.synthesis(1));
        ev = (FabricEvidence) ledger.evidence("manifest-1");
      }
      assertThat(flipsThatPass(ev.transaction(), p -> v.verify(new FabricEvidence(ev.entry(), p))))
          .isEmpty();

      String origin = "voxproof.test/flip";
      NoteSigner key = Ed25519NoteKeys.generate(origin);
      EmbeddedLedger log = EmbeddedLedger.builder(dir).origin(origin).signer(key).open();
      try (AnchoredLedger hybrid = net.hybrid(log, key.verifier().verifierKey())) {
        hybrid.append(TestRecords.synthesis(2));
        AnchoredEvidence a = (AnchoredEvidence) hybrid.evidence("manifest-2");
        String note = TlogProof.parse(a.tlog().tlogProof()).checkpointNote();
        assertThat(flipsThatPass(a.anchor(), p -> v.verifyAnchor(p, note))).isEmpty();
      }
    }
  }

  @Test
  void verify_everyChangedByteOfRealNetworkEvidence_fails() throws Exception {
    FabricEvidence ev = RealFabricVector.evidence();
    FabricEvidenceVerifier v =
        FabricEvidenceVerifier.builder().trustMspRoots(RealFabricVector.roots()).build();
    assertThat(flipsThatPass(ev.transaction(), p -> v.verify(new FabricEvidence(ev.entry(), p))))
        .isEmpty();
  }

  private static List<String> flipsThatPass(FabricTransactionProof p, Check check)
      throws Exception {
    check.verify(p);
    List<String> passed = new ArrayList<>();
    byte[][] parts = {p.processedTransaction(), p.block(), p.configBlock()};
    for (int part = 0; part < parts.length; part++) {
      for (int i = 0; i < parts[part].length; i++) {
        byte[][] changed = {parts[0], parts[1], parts[2]};
        changed[part] = parts[part].clone();
        changed[part][i] ^= 0x01;
        try {
          check.verify(
              new FabricTransactionProof(
                  p.channel(),
                  p.transactionId(),
                  p.blockNumber(),
                  changed[0],
                  changed[1],
                  changed[2]));
          passed.add(part + ":" + i);
        } catch (ProofVerificationException expected) {
          // every change must be caught, as a verification failure
        }
      }
    }
    return passed;
  }
}

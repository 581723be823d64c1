package org.voxproof.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxproof.ledger.FabricEvidence;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.TestRecords;

/**
 * The verifier on evidence a real Fabric v2.5.5 network produced ({@code vectors/fabric-2.5.5}).
 */
class RealFabricVectorTest {
  @Test
  void verify_realNetworkEvidence_passes() throws Exception {
    FabricEvidence ev = RealFabricVector.evidence();
    VerifiedFabricTransaction t =
        FabricEvidenceVerifier.builder().trustMspRoots(RealFabricVector.roots()).build().verify(ev);
    assertThat(t.endorsingMsps()).containsExactly("AuditorMSP", "VoxProofMSP");
    assertThat(t.ordererMsps()).containsExactly("OrdererMSP");
    assertThat(t.creatorMsp()).isEqualTo("VoxProofMSP");
  }

  @Test
  void verify_realNetworkEvidence_otherRecordOrMissingAuditorRoot_fails() throws Exception {
    FabricEvidence ev = RealFabricVector.evidence();
    FabricEvidence swapped =
        new FabricEvidence(
            new LedgerEntry(ev.entry().index(), TestRecords.synthesis(1)), ev.transaction());
    FabricEvidenceVerifier v =
        FabricEvidenceVerifier.builder().trustMspRoots(RealFabricVector.roots()).build();
    assertThatThrownBy(() -> v.verify(swapped))
        .hasMessage("leaf_mismatch: the transaction did not write this record");
    List<java.security.cert.X509Certificate> roots = RealFabricVector.roots();
    FabricEvidenceVerifier noAuditor =
        FabricEvidenceVerifier.builder().trustMspRoots(roots.subList(0, 2)).build();
    assertThatThrownBy(() -> noAuditor.verify(ev))
        .hasMessage("unknown_key: the roots of MSP AuditorMSP are not trusted");
  }
}

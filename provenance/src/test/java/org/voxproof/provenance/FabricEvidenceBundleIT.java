package org.voxproof.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every changed byte of a Fabric and of a hybrid evidence bundle fails verification. */
class FabricEvidenceBundleIT {
  @TempDir Path dir;

  @Test
  void verify_everyChangedByteOfFabricAndHybridBundles_fails() throws Exception {
    FabricEvidenceBundleTest.setUp(dir);
    try {
      EvidenceVerifier v =
          FabricEvidenceBundleTest.verifier(
              FabricEvidenceBundleTest.ring, FabricEvidenceBundleTest.channel);
      for (LedgerFindings l :
          List.of(FabricEvidenceBundleTest.fabric, FabricEvidenceBundleTest.anchored)) {
        byte[] b = FabricEvidenceBundleTest.bundle(FabricEvidenceBundleTest.ring, l);
        v.verify(b);
        List<Integer> passed = new ArrayList<>();
        for (int i = 0; i < b.length; i++) {
          byte[] t = b.clone();
          t[i] ^= 0x01;
          try {
            v.verify(t);
            passed.add(i);
          } catch (EvidenceInvalidException expected) {
            // every change must fail as an invalid bundle
          }
        }
        assertThat(passed).as(l.type() + ": changed bytes that still verified").isEmpty();
      }
    } finally {
      FabricEvidenceBundleTest.tearDown();
    }
  }
}

package org.voxproof.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxproof.ledger.MerkleHash;
import org.voxproof.ledger.ProofVerificationException;

class HashTreeTest {
  private static final String[] CLASSIC = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };

  @Test
  void root_classicEightLeaves_matchesKnownRoot() {
    HashTree t = new HashTree();
    for (String h : CLASSIC) {
      t.append(MerkleHash.leaf(HexFormat.of().parseHex(h)));
    }
    t.publish();
    assertThat(HexFormat.of().formatHex(t.root(8))).startsWith("5dc9da79");
    assertThat(t.root(0)).isEqualTo(MerkleHash.emptyRoot());
  }

  @Test
  void proofs_everyIndexAndSizeUpTo40_verifyAgainstNaiveRoots() throws Exception {
    List<byte[]> leaves = new ArrayList<>();
    HashTree t = new HashTree();
    for (int i = 0; i < 40; i++) {
      byte[] l = MerkleHash.leaf(("leaf" + i).getBytes(StandardCharsets.UTF_8));
      leaves.add(l);
      t.append(l);
    }
    t.publish();
    for (int n = 1; n <= 40; n++) {
      byte[] root = naive(leaves.subList(0, n));
      assertThat(t.root(n)).isEqualTo(root);
      for (int i = 0; i < n; i++) {
        MerkleVerifier.verifyInclusion(i, n, leaves.get(i), t.inclusionProof(i, n), root);
      }
      for (int m = 1; m <= n; m++) {
        MerkleVerifier.verifyConsistency(
            m, n, t.consistencyProof(m, n), naive(leaves.subList(0, m)), root);
      }
    }
  }

  @Test
  void pendingRoot_beforePublish_isTheRootItWillHave() {
    List<byte[]> leaves = new ArrayList<>();
    HashTree t = new HashTree();
    assertThat(t.pendingRoot()).isEqualTo(MerkleHash.emptyRoot());
    for (int i = 0; i < 23; i++) {
      byte[] l = MerkleHash.leaf(new byte[] {(byte) i});
      leaves.add(l);
      t.append(l);
      if (i % 5 == 0) {
        t.publish();
      }
      assertThat(t.pendingRoot()).isEqualTo(naive(leaves));
    }
    assertThat(t.size()).isEqualTo(21);
  }

  @Test
  void rollback_dropsUnpublishedLeaves() {
    HashTree t = new HashTree();
    t.append(MerkleHash.leaf(new byte[] {1}));
    t.publish();
    byte[] root1 = t.root(1);
    t.append(MerkleHash.leaf(new byte[] {2}));
    t.rollback();
    t.append(MerkleHash.leaf(new byte[] {3}));
    t.publish();
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.root(2)).isEqualTo(MerkleHash.node(root1, MerkleHash.leaf(new byte[] {3})));
  }

  @Test
  void inclusionProof_indexNotBelowSize_rejected() {
    HashTree t = new HashTree();
    t.append(MerkleHash.leaf(new byte[0]));
    t.publish();
    assertThatThrownBy(() -> t.inclusionProof(1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.root(2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verifyInclusion_modifiedProof_rejected() {
    HashTree t = new HashTree();
    for (int i = 0; i < 5; i++) {
      t.append(MerkleHash.leaf(new byte[] {(byte) i}));
    }
    t.publish();
    List<byte[]> proof = t.inclusionProof(2, 5);
    proof.get(1)[0] ^= 1;
    assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(2, 5, t.leafHash(2), proof, t.root(5)))
        .isInstanceOf(ProofVerificationException.class)
        .extracting(e -> ((ProofVerificationException) e).reason())
        .isEqualTo(ProofVerificationException.Reason.ROOT_MISMATCH);
  }

  static byte[] naive(List<byte[]> leaves) {
    if (leaves.size() == 1) {
      return leaves.get(0);
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    return MerkleHash.node(naive(leaves.subList(0, k)), naive(leaves.subList(k, leaves.size())));
  }
}

package org.voxproof.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voxproof.ledger.MerkleHash;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.ProofVerificationException.Reason;
import org.voxproof.ledger.merkle.HashTree;

class TlogProofVerifierTest {
  private static final String ORIGIN = "log.example/a";
  private final NoteSigner key = Ed25519NoteKeys.generate(ORIGIN);
  private final List<byte[]> entries = new ArrayList<>();
  private String proof;

  @BeforeEach
  void makeProof() {
    HashTree tree = new HashTree();
    for (int i = 0; i < 13; i++) {
      byte[] e = ("entry " + i).getBytes(StandardCharsets.UTF_8);
      entries.add(e);
      tree.append(MerkleHash.leaf(e));
    }
    tree.publish();
    String note =
        SignedNote.sign(new Checkpoint(ORIGIN, 13, tree.root(13), List.of()).body(), key).text();
    proof = new TlogProof(new byte[] {1, 2}, 9, tree.inclusionProof(9, 13), note).text();
  }

  private TlogProofVerifier verifier(String origin, NoteVerifier v) {
    return TlogProofVerifier.builder().origin(origin).trust(v).build();
  }

  private static Reason reason(ThrowingRunnable r) {
    try {
      r.run();
    } catch (ProofVerificationException e) {
      return e.reason();
    }
    throw new AssertionError("expected a ProofVerificationException");
  }

  interface ThrowingRunnable {
    void run() throws ProofVerificationException;
  }

  @Test
  void verifyEntry_validProof_returnsIndexAndCheckpoint() throws Exception {
    var ok = verifier(ORIGIN, key.verifier()).verifyEntry(proof, entries.get(9));
    assertThat(ok.index()).isEqualTo(9);
    assertThat(ok.checkpoint().size()).isEqualTo(13);
    assertThat(TlogProof.parse(proof).extra()).containsExactly(1, 2);
    assertThat(TlogProof.parse(proof).text()).isEqualTo(proof);
  }

  @Test
  void verifyEntry_otherEntry_rejected() {
    assertThat(reason(() -> verifier(ORIGIN, key.verifier()).verifyEntry(proof, entries.get(8))))
        .isEqualTo(Reason.ROOT_MISMATCH);
  }

  @Test
  void verifyEntry_wrongOrigin_rejected() {
    NoteVerifier v = key.verifier();
    assertThat(reason(() -> verifier("log.example/b", v).verifyEntry(proof, entries.get(9))))
        .isEqualTo(Reason.ORIGIN_MISMATCH);
  }

  @Test
  void verifyEntry_untrustedKey_rejected() {
    NoteVerifier other = Ed25519NoteKeys.generate(ORIGIN).verifier();
    assertThat(reason(() -> verifier(ORIGIN, other).verifyEntry(proof, entries.get(9))))
        .isEqualTo(Reason.UNKNOWN_KEY);
  }

  @Test
  void verifyEntry_modifiedProofHash_rejected() {
    String[] lines = proof.split("\n", -1);
    byte[] h = Base64.getDecoder().decode(lines[3]);
    h[5] ^= 1;
    lines[3] = Base64.getEncoder().encodeToString(h);
    String tampered = String.join("\n", lines);
    assertThat(reason(() -> verifier(ORIGIN, key.verifier()).verifyEntry(tampered, entries.get(9))))
        .isEqualTo(Reason.ROOT_MISMATCH);
  }

  @Test
  void verifyEntry_forgedCheckpointSize_rejected() {
    String forged = proof.replace("\n13\n", "\n12\n");
    assertThat(reason(() -> verifier(ORIGIN, key.verifier()).verifyEntry(forged, entries.get(9))))
        .isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void parse_badHeaderOrIndex_rejectedAsMalformed() {
    for (String bad :
        List.of(
            proof.replace("tlog-proof@v1", "tlog-proof@v2"),
            proof.replace("index 9", "index 09"),
            proof.replace("index 9", "index -9"),
            proof.replace("index 9", "index 99999999999999999999"),
            "c2sp.org/tlog-proof@v1\nindex 1\n")) {
      assertThat(reason(() -> TlogProof.parse(bad))).as(bad).isEqualTo(Reason.MALFORMED);
    }
  }

  @Test
  void builder_withoutTrustedKey_refused() {
    assertThatThrownBy(() -> TlogProofVerifier.builder().origin(ORIGIN).build())
        .isInstanceOf(IllegalStateException.class);
  }
}

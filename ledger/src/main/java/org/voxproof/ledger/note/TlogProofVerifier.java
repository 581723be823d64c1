package org.voxproof.ledger.note;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.voxproof.ledger.MerkleHash;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.ProofVerificationException.Reason;
import org.voxproof.ledger.merkle.MerkleVerifier;

/**
 * Offline check of a {@code c2sp.org/tlog-proof@v1}: the checkpoint is signed by a trusted log key,
 * comes from the expected origin, and the inclusion proof puts the given leaf at the stated index.
 *
 * <pre>{@code
 * TlogProofVerifier v = TlogProofVerifier.builder()
 *     .origin("voxproof.example/log")
 *     .trust(Ed25519NoteKeys.parseVerifierKey(vkey))
 *     .build();
 * VerifiedTlogProof ok = v.verifyEntry(proofText, recordBytes); // throws if anything is off
 * }</pre>
 */
public final class TlogProofVerifier {
  private final String origin;
  private final List<NoteVerifier> verifiers;

  private TlogProofVerifier(String origin, List<NoteVerifier> verifiers) {
    this.origin = origin;
    this.verifiers = List.copyOf(verifiers);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What a verified proof establishes. */
  public record VerifiedTlogProof(long index, Checkpoint checkpoint) {}

  /** Verifies the proof for the entry whose canonical bytes are {@code entryData}. */
  public VerifiedTlogProof verifyEntry(String proofText, byte[] entryData)
      throws ProofVerificationException {
    return verifyLeafHash(proofText, MerkleHash.leaf(entryData));
  }

  /** Verifies the proof for a leaf hash. */
  public VerifiedTlogProof verifyLeafHash(String proofText, byte[] leafHash)
      throws ProofVerificationException {
    TlogProof proof = TlogProof.parse(proofText);
    SignedNote note = SignedNote.open(proof.checkpointNote(), verifiers);
    Checkpoint cp = Checkpoint.parse(note.body());
    if (!cp.origin().equals(origin)) {
      throw new ProofVerificationException(
          Reason.ORIGIN_MISMATCH, "checkpoint origin is not " + origin);
    }
    // SPEC: RFC 9162 §2.1.3.2 over the checkpoint's size and root.
    MerkleVerifier.verifyInclusion(
        proof.index(), cp.size(), leafHash, proof.proof(), cp.rootHash());
    return new VerifiedTlogProof(proof.index(), cp);
  }

  /** Configures the trusted origin and keys; both are required. */
  public static final class Builder {
    private String origin;
    private final List<NoteVerifier> verifiers = new ArrayList<>();

    private Builder() {}

    public Builder origin(String origin) {
      this.origin = Objects.requireNonNull(origin, "origin");
      return this;
    }

    public Builder trust(NoteVerifier verifier) {
      verifiers.add(Objects.requireNonNull(verifier, "verifier"));
      return this;
    }

    public TlogProofVerifier build() {
      if (origin == null || verifiers.isEmpty()) {
        throw new IllegalStateException("an origin and at least one trusted key are required");
      }
      return new TlogProofVerifier(origin, verifiers);
    }
  }
}

package org.voxproof.ledger;

import java.util.Objects;

/**
 * Evidence from the embedded log: the entry and a {@code c2sp.org/tlog-proof@v1} text (index,
 * inclusion proof, signed checkpoint). Check it with {@link
 * org.voxproof.ledger.note.TlogProofVerifier}.
 */
public record TlogProofEvidence(LedgerEntry entry, String tlogProof) implements LedgerEvidence {
  public TlogProofEvidence {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(tlogProof, "tlogProof");
  }
}

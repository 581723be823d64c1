package org.voxproof.ledger;

/**
 * What a verifier gets to check offline that a record is in the ledger; one variant per backend.
 */
public sealed interface LedgerEvidence permits TlogProofEvidence, FabricEvidence, AnchoredEvidence {
  /** The entry the evidence is about. */
  LedgerEntry entry();
}

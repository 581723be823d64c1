package org.voxproof.ledger;

import java.util.Objects;

/**
 * Evidence from the embedded log whose checkpoints are anchored on a Fabric channel: the tlog proof
 * of the record against a checkpoint, and the Fabric transaction that anchored exactly that
 * checkpoint (its event carries the signed checkpoint note) under the consortium's endorsement
 * policy. Both parts verify offline; see docs/fabric.md, "Hybrid".
 *
 * @param tlog the entry and its {@code c2sp.org/tlog-proof@v1} against the anchored checkpoint
 * @param anchor the transaction that anchored that checkpoint
 */
public record AnchoredEvidence(TlogProofEvidence tlog, FabricTransactionProof anchor)
    implements LedgerEvidence {
  public AnchoredEvidence {
    Objects.requireNonNull(tlog, "tlog");
    Objects.requireNonNull(anchor, "anchor");
  }

  @Override
  public LedgerEntry entry() {
    return tlog.entry();
  }
}

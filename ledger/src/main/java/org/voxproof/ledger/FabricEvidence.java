package org.voxproof.ledger;

import java.util.Objects;

/**
 * Evidence from Hyperledger Fabric: the record and the transaction that wrote it (its event carries
 * the record's canonical bytes), with the blocks to check it offline against the channel's MSP
 * roots ({@code org.voxproof.ledger.fabric.FabricEvidenceVerifier}).
 *
 * @param entry the record; its index is the block number
 * @param transaction the committed transaction
 */
public record FabricEvidence(LedgerEntry entry, FabricTransactionProof transaction)
    implements LedgerEvidence {
  public FabricEvidence {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(transaction, "transaction");
    if (entry.index() != transaction.blockNumber()) {
      throw new IllegalArgumentException("a Fabric entry's index is its block number");
    }
  }
}

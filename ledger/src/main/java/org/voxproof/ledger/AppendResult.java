package org.voxproof.ledger;

/**
 * The durable outcome of an append.
 *
 * @param index the record's position in the log
 * @param alreadyPresent true when an identical record with this id was already logged
 * @param checkpoint the log's signed promise: a checkpoint whose tree holds {@code index}, stored
 *     durably before this result was returned; null for backends without signed checkpoints
 *     (Fabric: the block carries the orderer's signatures, see {@link FabricEvidence})
 */
public record AppendResult(long index, boolean alreadyPresent, SignedCheckpoint checkpoint) {
  public AppendResult {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0");
    }
    if (checkpoint != null && index >= checkpoint.size()) {
      throw new IllegalArgumentException("the checkpoint does not cover index " + index);
    }
  }

  /** A result without a checkpoint (Fabric). */
  public AppendResult(long index, boolean alreadyPresent) {
    this(index, alreadyPresent, null);
  }
}

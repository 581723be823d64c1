package org.voxproof.ledger;

/**
 * The durable outcome of an append.
 *
 * @param index the record's position in the log
 * @param alreadyPresent true when an identical record with this id was already logged
 */
public record AppendResult(long index, boolean alreadyPresent) {
  public AppendResult {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0");
    }
  }
}

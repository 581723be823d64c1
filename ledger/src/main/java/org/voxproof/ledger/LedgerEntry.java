package org.voxproof.ledger;

import java.util.Objects;

/** A record at its position in the log. */
public record LedgerEntry(long index, LedgerRecord record) {
  public LedgerEntry {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0");
    }
    Objects.requireNonNull(record, "record");
  }

  /** SPEC: RFC 9162 §2.1.1: the leaf hash HASH(0x00 || canonical record encoding). */
  public byte[] leafHash() {
    return MerkleHash.leaf(record.encode());
  }
}

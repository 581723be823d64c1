package org.voxproof.ledger;

import java.util.Objects;

/**
 * A log head: origin, size and root hash, and the C2SP signed note that carries them.
 *
 * @param origin the log's identity (checkpoint origin line)
 * @param size the number of entries committed to
 * @param rootHash the RFC 9162 root hash at that size
 * @param note the full signed note text ({@code c2sp.org/tlog-checkpoint})
 */
@SuppressWarnings("ArrayRecordComponent") // byte[] copied in and out
public record SignedCheckpoint(String origin, long size, byte[] rootHash, String note) {
  public SignedCheckpoint {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(note, "note");
    rootHash = rootHash.clone();
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0");
    }
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }
}

package org.voxproof.ledger.merkle;

import org.voxproof.ledger.MerkleHash;

/**
 * A growable array of 32-byte hashes in fixed chunks: one writer appends, any number of readers
 * read indices below a size the writer published through a volatile write elsewhere.
 */
final class HashArray {
  private static final int CHUNK_BITS = 12;
  private static final int CHUNK_HASHES = 1 << CHUNK_BITS;
  private static final int CHUNK_BYTES = CHUNK_HASHES * MerkleHash.SIZE;

  private volatile byte[][] chunks = new byte[4][];
  private long count;

  /** Writer only. */
  void add(byte[] hash) {
    int chunk = (int) (count >>> CHUNK_BITS);
    byte[][] dir = chunks;
    if (chunk >= dir.length) {
      dir = java.util.Arrays.copyOf(dir, dir.length * 2);
    }
    if (dir[chunk] == null) {
      dir[chunk] = new byte[CHUNK_BYTES];
    }
    int offset = (int) (count & (CHUNK_HASHES - 1)) * MerkleHash.SIZE;
    System.arraycopy(hash, 0, dir[chunk], offset, MerkleHash.SIZE);
    chunks = dir;
    count++;
  }

  /** Writer only: forgets hashes at and after {@code newCount}. */
  void truncate(long newCount) {
    count = Math.min(count, newCount);
  }

  /** Writer only. */
  long count() {
    return count;
  }

  byte[] get(long index) {
    byte[] out = new byte[MerkleHash.SIZE];
    byte[] chunk = chunks[(int) (index >>> CHUNK_BITS)];
    int offset = (int) (index & (CHUNK_HASHES - 1)) * MerkleHash.SIZE;
    System.arraycopy(chunk, offset, out, 0, MerkleHash.SIZE);
    return out;
  }
}

package org.voxproof.ledger.merkle;

import java.util.ArrayList;
import java.util.List;
import org.voxproof.ledger.MerkleHash;

/**
 * The hashes of every complete subtree of a Merkle tree, kept in memory so that roots and proofs
 * cost O(log n) lookups plus at most O(log n) hashes for the tree's incomplete right edge.
 *
 * <p>One writer thread calls {@link #append} and then {@link #publish}; readers see only the
 * published size and may call the other methods concurrently.
 */
public final class HashTree {
  private final List<HashArray> levels = new ArrayList<>();
  private volatile HashArray[] published = new HashArray[0];
  private volatile long size;
  private long pending;

  /** Writer only: adds a leaf hash, visible to readers after {@link #publish()}. */
  public void append(byte[] leafHash) {
    if (leafHash.length != MerkleHash.SIZE) {
      throw new IllegalArgumentException("leaf hash must be 32 bytes");
    }
    byte[] h = leafHash;
    long index = pending;
    for (int level = 0; ; level++) {
      if (levels.size() == level) {
        levels.add(new HashArray());
      }
      HashArray array = levels.get(level);
      array.add(h);
      if ((index & 1) == 0) {
        break;
      }
      h = MerkleHash.node(array.get(index - 1), h);
      index >>>= 1;
    }
    pending++;
  }

  /** Writer only: makes every appended leaf visible to readers. */
  public void publish() {
    published = levels.toArray(new HashArray[0]);
    size = pending;
  }

  /** Writer only: drops leaves appended after the last publish (a failed batch). */
  public void rollback() {
    long keep = size;
    for (int level = 0; level < levels.size(); level++) {
      levels.get(level).truncate(keep >>> level);
    }
    pending = keep;
  }

  /**
   * Writer only: the root over every appended leaf, published or not (to sign before publishing).
   */
  public byte[] pendingRoot() {
    if (pending == 0) {
      return MerkleHash.emptyRoot();
    }
    return subtree(levels.toArray(new HashArray[0]), 0, pending);
  }

  /** The published number of leaves. */
  public long size() {
    return size;
  }

  public byte[] leafHash(long index) {
    checkRange(index, size());
    return published()[0].get(index);
  }

  /** SPEC: RFC 9162 §2.1.1: MTH of the first {@code treeSize} leaves. */
  public byte[] root(long treeSize) {
    checkSize(treeSize);
    if (treeSize == 0) {
      return MerkleHash.emptyRoot();
    }
    return subtree(published(), 0, treeSize);
  }

  /** SPEC: RFC 9162 §2.1.3.1: PATH(index, D[treeSize]), from the leaf's sibling upwards. */
  public List<byte[]> inclusionProof(long index, long treeSize) {
    checkSize(treeSize);
    checkRange(index, treeSize);
    HashArray[] lv = published();
    List<byte[]> out = new ArrayList<>();
    path(lv, index, 0, treeSize, out);
    return out;
  }

  /** SPEC: RFC 9162 §2.1.4.1: PROOF(size1, D[size2]). */
  public List<byte[]> consistencyProof(long size1, long size2) {
    checkSize(size2);
    if (size1 <= 0 || size1 > size2) {
      throw new IllegalArgumentException("need 0 < size1 <= size2");
    }
    HashArray[] lv = published();
    List<byte[]> out = new ArrayList<>();
    subproof(lv, size1, 0, size2, true, out);
    return out;
  }

  /** Callers read {@link #size} (volatile) first, so the levels seen cover that size. */
  private HashArray[] published() {
    return published;
  }

  private static void path(HashArray[] lv, long m, long start, long end, List<byte[]> out) {
    long n = end - start;
    if (n == 1) {
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m < k) {
      path(lv, m, start, start + k, out);
      out.add(subtree(lv, start + k, end));
    } else {
      path(lv, m - k, start + k, end, out);
      out.add(subtree(lv, start, start + k));
    }
  }

  private static void subproof(
      HashArray[] lv, long m, long start, long end, boolean complete, List<byte[]> out) {
    long n = end - start;
    if (m == n) {
      if (!complete) {
        out.add(subtree(lv, start, end));
      }
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m <= k) {
      subproof(lv, m, start, start + k, complete, out);
      out.add(subtree(lv, start + k, end));
    } else {
      subproof(lv, m - k, start + k, end, false, out);
      out.add(subtree(lv, start, start + k));
    }
  }

  /** MTH(D[start:end]); complete aligned subtrees are a lookup. */
  private static byte[] subtree(HashArray[] lv, long start, long end) {
    long n = end - start;
    if (Long.bitCount(n) == 1 && (start & (n - 1)) == 0) {
      int level = Long.numberOfTrailingZeros(n);
      return lv[level].get(start >>> level);
    }
    long k = Long.highestOneBit(n - 1);
    return MerkleHash.node(subtree(lv, start, start + k), subtree(lv, start + k, end));
  }

  private void checkSize(long treeSize) {
    if (treeSize < 0 || treeSize > size()) {
      throw new IllegalArgumentException(
          "tree size " + treeSize + " is beyond the published size " + size());
    }
  }

  private static void checkRange(long index, long treeSize) {
    if (index < 0 || index >= treeSize) {
      throw new IllegalArgumentException("index " + index + " is not below size " + treeSize);
    }
  }
}

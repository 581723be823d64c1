package org.voxproof.ledger.embedded;

import java.util.Arrays;

/** Growable array of longs: one writer appends, readers read below a size published elsewhere. */
final class LongArray {
  private static final int CHUNK_BITS = 14;
  private static final int CHUNK = 1 << CHUNK_BITS;

  private volatile long[][] chunks = new long[4][];
  private long count;

  void add(long v) {
    int c = (int) (count >>> CHUNK_BITS);
    long[][] dir = chunks;
    if (c >= dir.length) {
      dir = Arrays.copyOf(dir, dir.length * 2);
    }
    if (dir[c] == null) {
      dir[c] = new long[CHUNK];
    }
    dir[c][(int) (count & (CHUNK - 1))] = v;
    chunks = dir;
    count++;
  }

  void truncate(long newCount) {
    count = Math.min(count, newCount);
  }

  long get(long i) {
    return chunks[(int) (i >>> CHUNK_BITS)][(int) (i & (CHUNK - 1))];
  }
}

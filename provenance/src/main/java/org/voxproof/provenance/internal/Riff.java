package org.voxproof.provenance.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.voxproof.provenance.internal.Containers.FormatException;

/**
 * The RIFF/WAVE chunk walk: every chunk after the 12-byte header, bounded by the file. A chunk
 * whose data runs past the end of the file, or a header cut short, is reported as such (the caller
 * decides whether that is a damaged manifest store or a file it cannot read).
 */
final class Riff {
  static final int C2PA = Containers.fourCc("C2PA");
  private static final int MAX_CHUNKS = 10_000;

  /** One chunk: its id, the offset of its 8-byte header and its declared data size. */
  record Chunk(int id, long offset, long size) {
    long dataOffset() {
      return offset + 8;
    }

    /** Header, data and pad byte. */
    long total() {
      return 8 + size + (size & 1);
    }
  }

  /**
   * The walk: whole chunks, then possibly a chunk cut by the end of the file ({@code cut}) or a
   * header cut short ({@code tail}, fewer than 8 bytes at the end; empty when none).
   */
  @SuppressWarnings("ArrayRecordComponent") // internal, never handed out
  record Walk(List<Chunk> chunks, Chunk cut, byte[] tail) {}

  private Riff() {}

  static Walk walk(Source s) throws FormatException, IOException {
    List<Chunk> out = new ArrayList<>();
    long p = 12;
    byte[] h = new byte[8];
    while (p < s.size()) {
      if (s.size() - p < 8) {
        return new Walk(out, null, s.bytes(p, 8));
      }
      s.read(p, h, 0, 8);
      Chunk c = new Chunk(Containers.be32(h, 0), p, Containers.le32(h, 4));
      if (c.size() > s.size() - p - 8) {
        return new Walk(out, c, new byte[0]);
      }
      out.add(c);
      if (out.size() > MAX_CHUNKS) {
        throw new FormatException("too many RIFF chunks");
      }
      p += c.total();
    }
    return new Walk(out, null, new byte[0]);
  }

  /** Whether {@code tail} (a header cut short) begins like a {@code C2PA} chunk header. */
  static boolean couldBeC2paHeader(byte[] tail) {
    byte[] id = {'C', '2', 'P', 'A'};
    for (int i = 0; i < Math.min(tail.length, 4); i++) {
      if (tail[i] != id[i]) {
        return false;
      }
    }
    return tail.length > 0;
  }
}

package org.voxproof.provenance.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.voxproof.provenance.internal.Containers.FormatException;

/** The few parts of ID3v2.3/2.4 needed to find, keep and write frames at the start of a file. */
final class Id3 {
  /** One frame: header offset, end (exclusive), and the tag's major version. */
  record Frame(String id, int start, int end, int version) {}

  private Id3() {}

  static int syncsafe(byte[] b, int o) throws FormatException {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int x = b[o + i] & 0xff;
      if (x > 0x7f) {
        throw new FormatException("bad ID3 syncsafe integer");
      }
      v = (v << 7) | x;
    }
    return v;
  }

  static byte[] syncsafe(int v) {
    return new byte[] {
      (byte) ((v >>> 21) & 0x7f),
      (byte) ((v >>> 14) & 0x7f),
      (byte) ((v >>> 7) & 0x7f),
      (byte) (v & 0x7f)
    };
  }

  /** Offset just after the ID3v2 tag (and footer) at the start of {@code f}. */
  static int tagEnd(byte[] f) throws FormatException {
    if (f.length < 10) {
      throw new FormatException("truncated ID3 header");
    }
    long end = 10L + syncsafe(f, 6) + ((f[5] & 0x10) != 0 ? 10 : 0);
    if (end > f.length) {
      throw new FormatException("ID3 tag larger than the file");
    }
    return (int) end;
  }

  /** The frames of a v2.3/v2.4 tag without unsynchronisation or extended header. */
  static List<Frame> frames(byte[] f) throws FormatException {
    int version = f[3];
    int tagEnd = 10 + syncsafe(f, 6);
    if (tagEnd > f.length) {
      throw new FormatException("ID3 tag larger than the file");
    }
    if ((version != 3 && version != 4) || (f[5] & 0xc0) != 0) {
      throw new FormatException(
          "unsupported ID3 tag (version 2." + version + ", flags " + f[5] + ")");
    }
    List<Frame> out = new ArrayList<>();
    int p = 10;
    while (p + 10 <= tagEnd && f[p] != 0) {
      long size = version == 4 ? syncsafe(f, p + 4) : Containers.be32(f, p + 4) & 0xffffffffL;
      if (size > tagEnd - p - 10L) {
        throw new FormatException("ID3 frame larger than its tag");
      }
      out.add(new Frame(Containers.ascii(f, p, 4), p, p + 10 + (int) size, version));
      p += 10 + (int) size;
      if (out.size() > 10_000) {
        throw new FormatException("too many ID3 frames");
      }
    }
    return out;
  }

  /** For a GEOB frame holding a C2PA manifest store, the offset of the store; else -1. */
  static int c2paDataOffset(byte[] f, Frame fr) {
    if (!"GEOB".equals(fr.id()) || fr.end() - fr.start() < 11) {
      return -1;
    }
    int p = fr.start() + 10;
    int enc = f[p++];
    int mimeEnd = indexOf0(f, p, fr.end(), 1);
    if (mimeEnd < 0) {
      return -1;
    }
    String mime = new String(f, p, mimeEnd - p, StandardCharsets.ISO_8859_1);
    if (!Containers.GEOB_MIME.equals(mime) && !Containers.GEOB_MIME_OLD.equals(mime)) {
      return -1;
    }
    int width = enc == 1 || enc == 2 ? 2 : 1;
    int nameEnd = indexOf0(f, mimeEnd + 1, fr.end(), width);
    if (nameEnd < 0) {
      return -1;
    }
    int descEnd = indexOf0(f, nameEnd + width, fr.end(), width);
    return descEnd < 0 ? -1 : descEnd + width;
  }

  private static int indexOf0(byte[] f, int from, int end, int width) {
    for (int i = from; i + width <= end; i += width) {
      if (f[i] == 0 && (width == 1 || f[i + 1] == 0)) {
        return i;
      }
    }
    return -1;
  }

  /** The frame re-encoded for an ID3v2.4 tag (syncsafe size; v2.3 flags dropped). */
  static byte[] asV24(byte[] f, Frame fr) {
    int size = fr.end() - fr.start() - 10;
    byte[] out = new byte[size + 10];
    System.arraycopy(f, fr.start(), out, 0, 4);
    System.arraycopy(syncsafe(size), 0, out, 4, 4);
    if (fr.version() == 4) {
      out[8] = f[fr.start() + 8];
      out[9] = f[fr.start() + 9];
    }
    System.arraycopy(f, fr.start() + 10, out, 10, size);
    return out;
  }
}

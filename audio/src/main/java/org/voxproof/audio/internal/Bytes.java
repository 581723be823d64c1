package org.voxproof.audio.internal;

import org.voxproof.audio.AudioFormatException;

/** Bounds-checked little- and big-endian reads; reading past the end means {@code truncated}. */
public final class Bytes {
  private Bytes() {}

  public static void need(byte[] b, long off, long len, String what) throws AudioFormatException {
    if (off < 0 || len < 0 || off + len > b.length) {
      throw Fail.truncated(what + " extends past the end of the file");
    }
  }

  public static int u8(byte[] b, int off) {
    return b[off] & 0xff;
  }

  public static int le16(byte[] b, int off) {
    return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
  }

  public static long le32(byte[] b, int off) {
    return (le16(b, off) | (long) le16(b, off + 2) << 16) & 0xffffffffL;
  }

  public static int be16(byte[] b, int off) {
    return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
  }

  public static long be32(byte[] b, int off) {
    return ((long) be16(b, off) << 16 | be16(b, off + 2)) & 0xffffffffL;
  }

  public static long be64(byte[] b, int off) {
    return be32(b, off) << 32 | be32(b, off + 4);
  }

  /**
   * The length of the ID3v2 tags at the start of {@code b} (header, body and footer; stacked tags
   * summed), or 0 when none. SPEC: ID3v2.4 §3.1: a 10-byte header whose last four bytes are a
   * syncsafe size; flag 0x10 adds a 10-byte footer.
   */
  public static int id3v2Length(byte[] b) {
    long off = 0;
    while (off + 10 <= b.length && ascii(b, (int) off, "ID3")) {
      int o = (int) off;
      long size = 0;
      for (int i = 6; i < 10; i++) {
        int v = b[o + i] & 0xff;
        if (v > 0x7f) {
          return 0; // not syncsafe: not a tag
        }
        size = (size << 7) | v;
      }
      off += 10 + size + ((b[o + 5] & 0x10) != 0 ? 10 : 0);
    }
    return off > b.length ? 0 : (int) off;
  }

  public static boolean ascii(byte[] b, int off, String tag) {
    if (off < 0 || off + tag.length() > b.length) {
      return false;
    }
    for (int i = 0; i < tag.length(); i++) {
      if (b[off + i] != (byte) tag.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  public static String fourcc(byte[] b, int off) {
    char[] c = new char[4];
    for (int i = 0; i < 4; i++) {
      int v = b[off + i] & 0xff;
      c[i] = v >= 0x20 && v < 0x7f ? (char) v : '?';
    }
    return new String(c);
  }
}

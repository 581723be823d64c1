package org.voxproof.audio.internal;

import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioLimits;

/**
 * Checks Vorbis header packets before JOrbis sees them, because JOrbis allocates straight from
 * header values: the identification header's channels, rate and block sizes, and the setup header's
 * codebook sizes (bounded to what a real encoder uses). The comment header is replaced by an empty
 * one: it holds no audio, and JOrbis allocates from its counts.
 */
final class VorbisHeaders {
  // SPEC: Vorbis I specification §4.2.2 (identification header), §3.2.1 (codebook), §4.2.4.
  /** Lookup and tree elements allowed over all codebooks (libvorbis uses well under 1 Mi). */
  private static final long MAX_CODEBOOK_ELEMENTS = 4L << 20;

  /** "\3vorbis", vendor length 0, comment count 0, framing bit. */
  static final byte[] EMPTY_COMMENT = {3, 'v', 'o', 'r', 'b', 'i', 's', 0, 0, 0, 0, 0, 0, 0, 0, 1};

  private VorbisHeaders() {}

  static void checkIdentification(byte[] p, AudioLimits limits) throws AudioFormatException {
    if (p.length < 30 || p[0] != 1 || !Bytes.ascii(p, 1, "vorbis")) {
      throw Fail.lies("bad Vorbis identification header");
    }
    int channels = Bytes.u8(p, 11);
    long rate = Bytes.le32(p, 12);
    int bs0 = p[28] & 0x0f;
    int bs1 = (p[28] >> 4) & 0x0f;
    Check.params(limits, rate > Integer.MAX_VALUE ? -1 : (int) rate, channels);
    if (bs0 < 6 || bs1 > 13 || bs0 > bs1 || (p[29] & 1) == 0) {
      throw Fail.lies("Vorbis block sizes out of range");
    }
  }

  static void checkSetup(byte[] p) throws AudioFormatException {
    if (p.length < 8 || p[0] != 5 || !Bytes.ascii(p, 1, "vorbis")) {
      throw Fail.lies("bad Vorbis setup header");
    }
    LsbReader r = new LsbReader(p, 7);
    int books = r.bits(8) + 1;
    long elements = 0;
    for (int i = 0; i < books; i++) {
      elements += codebook(r);
      if (elements > MAX_CODEBOOK_ELEMENTS) {
        throw Fail.lies("Vorbis codebooks larger than any real encoder makes");
      }
    }
  }

  /** Skips one codebook; returns the table elements a decoder allocates for it. */
  private static long codebook(LsbReader r) throws AudioFormatException {
    if (r.bits(24) != 0x564342) {
      throw Fail.lies("Vorbis codebook sync missing");
    }
    int dims = r.bits(16);
    int entries = r.bits(24);
    if (r.bits(1) == 0) {
      boolean sparse = r.bits(1) == 1;
      for (int e = 0; e < entries; e++) {
        if (!sparse || r.bits(1) == 1) {
          r.bits(5);
        }
      }
    } else {
      r.bits(5);
      for (int e = 0; e < entries; ) {
        int n = r.bits(ilog(entries - e));
        if (n > entries - e) {
          throw Fail.lies("Vorbis codebook lengths overflow");
        }
        e += Math.max(n, 0);
        if (n == 0 && r.exhausted()) {
          throw Fail.truncated("Vorbis setup header cut short");
        }
      }
    }
    int lookup = r.bits(4);
    long values = 0;
    if (lookup == 1 || lookup == 2) {
      r.bits(32);
      r.bits(32);
      int valueBits = r.bits(4) + 1;
      r.bits(1);
      values = lookup == 1 ? lookup1(entries, dims) : (long) entries * dims;
      r.skip(values * valueBits);
    } else if (lookup != 0) {
      throw Fail.lies("Vorbis codebook lookup type " + lookup);
    }
    return 4L * entries + (long) entries * Math.max(dims, 1) + values;
  }

  private static long lookup1(int entries, int dims) {
    if (dims == 0) {
      return 0;
    }
    long v = (long) Math.floor(Math.pow(entries, 1.0 / dims));
    while (v > 0 && Math.pow((double) v, dims) > entries) {
      v--;
    }
    while (Math.pow((double) (v + 1), dims) <= entries) {
      v++;
    }
    return v;
  }

  private static int ilog(int v) {
    return 32 - Integer.numberOfLeadingZeros(v);
  }

  /** LSB-first bit reader (Vorbis packs bits from the least significant end). */
  private static final class LsbReader {
    private final byte[] b;
    private long bit;

    LsbReader(byte[] b, int fromByte) {
      this.b = b;
      this.bit = fromByte * 8L;
    }

    int bits(int n) throws AudioFormatException {
      if (bit + n > b.length * 8L) {
        throw Fail.truncated("Vorbis setup header cut short");
      }
      long v = 0;
      for (int i = 0; i < n; i++, bit++) {
        v |= (long) ((b[(int) (bit >>> 3)] >> (bit & 7)) & 1) << i;
      }
      return (int) v;
    }

    void skip(long n) throws AudioFormatException {
      if (n < 0 || bit + n > b.length * 8L) {
        throw Fail.truncated("Vorbis setup header cut short");
      }
      bit += n;
    }

    boolean exhausted() {
      return bit >= b.length * 8L;
    }
  }
}

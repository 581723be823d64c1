package org.voxproof.audio.internal;

import org.voxproof.audio.AudioFormatException;

/** Walks the samples of an MP4 track's sample table without allocating per-sample tables. */
final class Mp4Samples {
  // SPEC: ISO/IEC 14496-12 §8.7.3 stsz, §8.7.4 stsc, §8.7.5 stco/co64 — sample locations.
  private Mp4Samples() {}

  /** Receives each sample's file offset and size. */
  interface Sink {
    void sample(long offset, int size) throws AudioFormatException;
  }

  static void forEach(byte[] b, IsoBox stbl, Sink sink) throws AudioFormatException {
    IsoBox stsz = need(stbl.child(b, "stsz"), "stsz");
    IsoBox stsc = need(stbl.child(b, "stsc"), "stsc");
    IsoBox stco = stbl.child(b, "stco");
    boolean co64 = stco == null;
    if (co64) {
      stco = need(stbl.child(b, "co64"), "stco");
    }
    Bytes.need(b, stsz.body(), 12, "stsz");
    long fixed = Bytes.be32(b, stsz.body() + 4);
    long count = fixed == 0 ? stsz.entries(b, 12, 4) : Bytes.be32(b, stsz.body() + 8);
    int chunks = stco.entries(b, 8, co64 ? 8 : 4);
    int rules = stsc.entries(b, 8, 12);
    int rule = 0;
    long perChunk = 0;
    long s = 0;
    for (int k = 0; k < chunks && s < count; k++) {
      while (rule < rules && Bytes.be32(b, stsc.body() + 8 + 12 * rule) <= k + 1L) {
        perChunk = Bytes.be32(b, stsc.body() + 12 + 12 * rule);
        rule++;
      }
      int e = stco.body() + 8 + k * (co64 ? 8 : 4);
      long off = co64 ? Bytes.be64(b, e) : Bytes.be32(b, e);
      for (long i = 0; i < perChunk && s < count; i++, s++) {
        long size = fixed != 0 ? fixed : Bytes.be32(b, stsz.body() + 12 + (int) (4 * s));
        if (off < 0 || size > b.length - off) {
          throw Fail.truncated("MP4 sample " + s + " extends past the end of the file");
        }
        sink.sample(off, (int) size);
        off += size;
      }
    }
    if (s == 0) {
      throw Fail.empty("MP4 audio track without samples");
    }
  }

  static IsoBox need(IsoBox box, String what) throws AudioFormatException {
    if (box == null) {
      throw Fail.lies("MP4 audio track without '" + what + "'");
    }
    return box;
  }
}

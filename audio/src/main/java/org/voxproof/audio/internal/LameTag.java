package org.voxproof.audio.internal;

/**
 * Encoder delay and padding from the Xing/Info + LAME tag in the first MPEG audio frame.
 *
 * @param delay encoder delay in samples (samples the encoder added at the start)
 * @param padding samples added at the end to fill the last frame
 * @param frames audio frames the Xing header declares (the Info frame not counted), -1 if absent
 */
record LameTag(int delay, int padding, long frames) {
  boolean gapless() {
    return delay >= 0;
  }

  // SPEC: LAME "Mp3 Info Tag rev 1" (gabriel.mp3-tech.org/mp3infotag.html): Xing header after
  // the side information; LAME extension at +0x24 from "Xing" end-of-TOC, delay/padding as two
  // 12-bit fields at byte 21 of the LAME extension.
  /** Delay of the MPEG synthesis filterbank in decoders (mpg123/LAME convention: 528 + 1). */
  static final int DECODER_DELAY = 529;

  // SPEC: ID3v2.4 §3.1 header: "ID3", version (2), flags (1), syncsafe size (4), footer flag 0x10.
  static int skipId3(byte[] b) {
    int pos = 0;
    while (pos + 10 <= b.length && Bytes.ascii(b, pos, "ID3")) {
      int size = 0;
      for (int i = 0; i < 4; i++) {
        size = (size << 7) | (b[pos + 6 + i] & 0x7f);
      }
      boolean footer = (b[pos + 5] & 0x10) != 0;
      pos += 10 + size + (footer ? 10 : 0);
    }
    return Math.min(pos, b.length);
  }

  /** The tag in the first frame at or after {@code start}, or null when there is none. */
  static LameTag find(byte[] b, int start) {
    int p = start;
    if (p + 4 > b.length || (b[p] & 0xff) != 0xff || (b[p + 1] & 0xe0) != 0xe0) {
      return null;
    }
    int version = (b[p + 1] >> 3) & 3; // 3 = MPEG-1
    int layer = (b[p + 1] >> 1) & 3; // 1 = layer III
    boolean mono = ((b[p + 3] >> 6) & 3) == 3;
    if (layer != 1) {
      return null;
    }
    int side = version == 3 ? (mono ? 17 : 32) : (mono ? 9 : 17);
    int x = p + 4 + side;
    if (!Bytes.ascii(b, x, "Xing") && !Bytes.ascii(b, x, "Info")) {
      return null;
    }
    if (x + 8 > b.length) {
      return null;
    }
    int flags = (int) Bytes.be32(b, x + 4);
    long frames = (flags & 1) != 0 && x + 12 <= b.length ? Bytes.be32(b, x + 8) : -1;
    int lame = x + 8;
    lame += (flags & 1) != 0 ? 4 : 0;
    lame += (flags & 2) != 0 ? 4 : 0;
    lame += (flags & 4) != 0 ? 100 : 0;
    lame += (flags & 8) != 0 ? 4 : 0;
    if (lame + 24 > b.length || !Character.isLetter((char) Bytes.u8(b, lame))) {
      return new LameTag(-1, -1, frames); // Xing/Info frame without LAME extension: delay unknown
    }
    int d = lame + 21;
    int delay = (Bytes.u8(b, d) << 4) | (Bytes.u8(b, d + 1) >> 4);
    int padding = ((Bytes.u8(b, d + 1) & 0x0f) << 8) | Bytes.u8(b, d + 2);
    return new LameTag(delay, padding, frames);
  }
}

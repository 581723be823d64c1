package org.voxproof.audio.internal;

import org.voxproof.audio.AudioFormatException;

/** Decodes one FLAC frame (header, subframes, decorrelation) into int samples. */
final class FlacFrame {
  // SPEC: RFC 9639 §9.1 frame header, §9.2 subframes, §9.2.7 residual, §4.2 inter-channel.
  private static final int[] RATES = {
    0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000
  };
  private static final int[] DEPTHS = {0, 8, 12, -1, 16, 20, 24, 32};

  private FlacFrame() {}

  /** Frame facts and its samples, {@code samples[c][0..blockSize)}. */
  record Decoded(int blockSize, int end, int[][] samples) {}

  static boolean isSync(byte[] b, int p) {
    return p + 1 < b.length && (b[p] & 0xff) == 0xff && (b[p + 1] & 0xfe) == 0xf8;
  }

  static Decoded decode(byte[] b, int start, FlacInfo info, int[][] buf)
      throws AudioFormatException {
    BitReader r = new BitReader(b, start, b.length);
    r.bits(16); // sync + reserved + blocking strategy
    int bsCode = r.uint(4);
    int rateCode = r.uint(4);
    int assignment = r.uint(4);
    int depthCode = r.uint(3);
    if (r.uint(1) != 0 || bsCode == 0 || rateCode == 15 || assignment > 10 || depthCode == 3) {
      throw Fail.lies("reserved value in a FLAC frame header");
    }
    codedNumber(r);
    int blockSize = blockSize(r, bsCode);
    int rate = rate(r, rateCode, info.sampleRate());
    int headerEnd = r.bytePos();
    if (Crc.crc8(b, start, headerEnd) != r.uint(8)) {
      throw Fail.lies("FLAC frame header CRC mismatch");
    }
    int depth = depthCode == 0 ? info.bitsPerSample() : DEPTHS[depthCode];
    int channels = assignment < 8 ? assignment + 1 : 2;
    if (rate != info.sampleRate() || depth != info.bitsPerSample() || channels != info.channels()) {
      throw Fail.lies("FLAC frame format differs from STREAMINFO");
    }
    if (blockSize > info.maxBlockSize() && info.maxBlockSize() >= 16) {
      throw Fail.lies("FLAC frame larger than STREAMINFO's maximum block size");
    }
    for (int c = 0; c < channels; c++) {
      boolean side = (assignment == 8 || assignment == 10) ? c == 1 : assignment == 9 && c == 0;
      FlacSubframe.decode(r, buf[c], blockSize, depth + (side ? 1 : 0));
    }
    decorrelate(assignment, buf, blockSize);
    r.align();
    int crcAt = r.bytePos();
    if (Crc.crc16(b, start, crcAt) != r.uint(16)) {
      throw Fail.lies("FLAC frame CRC mismatch");
    }
    return new Decoded(blockSize, crcAt + 2, buf);
  }

  // SPEC: RFC 9639 §9.1.5 coded number, UTF-8-like, 1-7 bytes.
  private static void codedNumber(BitReader r) throws AudioFormatException {
    int first = r.uint(8);
    int ones = Integer.numberOfLeadingZeros(~(first << 24));
    if (ones == 1 || ones > 7) {
      throw Fail.lies("bad FLAC frame number");
    }
    for (int i = 1; i < ones; i++) {
      if (r.uint(8) >> 6 != 2) {
        throw Fail.lies("bad FLAC frame number");
      }
    }
  }

  private static int blockSize(BitReader r, int code) throws AudioFormatException {
    return switch (code) {
      case 1 -> 192;
      case 2, 3, 4, 5 -> 144 << code;
      case 6 -> r.uint(8) + 1;
      case 7 -> r.uint(16) + 1;
      default -> 1 << code;
    };
  }

  private static int rate(BitReader r, int code, int streamRate) throws AudioFormatException {
    return switch (code) {
      case 0 -> streamRate;
      case 12 -> r.uint(8) * 1000;
      case 13 -> r.uint(16);
      case 14 -> r.uint(16) * 10;
      default -> RATES[code];
    };
  }

  private static void decorrelate(int assignment, int[][] s, int n) {
    switch (assignment) {
      case 8 -> { // left, side
        for (int i = 0; i < n; i++) {
          s[1][i] = s[0][i] - s[1][i];
        }
      }
      case 9 -> { // side, right
        for (int i = 0; i < n; i++) {
          s[0][i] += s[1][i];
        }
      }
      case 10 -> { // mid, side
        for (int i = 0; i < n; i++) {
          long mid = ((long) s[0][i] << 1) | (s[1][i] & 1);
          long side = s[1][i];
          s[0][i] = (int) ((mid + side) >> 1);
          s[1][i] = (int) ((mid - side) >> 1);
        }
      }
      default -> {}
    }
  }
}

package org.voxproof.audio.internal;

import org.voxproof.audio.AudioFormatException;

/**
 * STREAMINFO facts and the offset of the first frame.
 *
 * @param maxBlockSize largest block size in the stream
 * @param sampleRate Hz
 * @param channels 1-8
 * @param bitsPerSample 4-32
 * @param totalSamples samples per channel, 0 when unknown
 * @param firstFrame byte offset of the first audio frame
 */
record FlacInfo(
    int maxBlockSize,
    int sampleRate,
    int channels,
    int bitsPerSample,
    long totalSamples,
    int firstFrame) {

  // SPEC: RFC 9639 §8.1 metadata block header; §8.2 STREAMINFO (34 bytes).
  static FlacInfo parse(byte[] b) throws AudioFormatException {
    int pos = 4;
    FlacInfo info = null;
    boolean last = false;
    while (!last) {
      Bytes.need(b, pos, 4, "FLAC metadata block header");
      last = (b[pos] & 0x80) != 0;
      int type = b[pos] & 0x7f;
      int len = (int) (Bytes.be32(b, pos) & 0xffffff);
      Bytes.need(b, pos + 4, len, "FLAC metadata block");
      if (info == null) {
        if (type != 0 || len < 34) {
          throw Fail.lies("FLAC whose first metadata block is not STREAMINFO");
        }
        info = streamInfo(b, pos + 4);
      } else if (type == 127) {
        throw Fail.lies("FLAC metadata block type 127");
      }
      pos += 4 + len;
    }
    return new FlacInfo(
        info.maxBlockSize,
        info.sampleRate,
        info.channels,
        info.bitsPerSample,
        info.totalSamples,
        pos);
  }

  private static FlacInfo streamInfo(byte[] b, int p) throws AudioFormatException {
    BitReader r = new BitReader(b, p, p + 34);
    r.bits(16); // min block size
    int maxBlock = r.uint(16);
    r.bits(24); // min frame size
    r.bits(24); // max frame size
    int rate = r.uint(20);
    int channels = r.uint(3) + 1;
    int bps = r.uint(5) + 1;
    long total = r.bits(4) << 32 | r.bits(32);
    return new FlacInfo(maxBlock, rate, channels, bps, total, 0);
  }
}

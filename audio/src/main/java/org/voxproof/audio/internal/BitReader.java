package org.voxproof.audio.internal;

import org.voxproof.audio.AudioFormatException;

/** MSB-first bit reader over a byte range; reading past the end is {@code truncated}. */
final class BitReader {
  private final byte[] b;
  private final int end;
  private int next;
  private long cache;
  private int cacheBits;

  BitReader(byte[] b, int from, int end) {
    this.b = b;
    this.next = from;
    this.end = end;
  }

  private void refill() throws AudioFormatException {
    if (next >= end) {
      throw Fail.truncated("FLAC stream ends inside a frame");
    }
    cache = (cache << 8) | (b[next++] & 0xff);
    cacheBits += 8;
  }

  /** The next {@code n} bits (0-32) as an unsigned value. */
  long bits(int n) throws AudioFormatException {
    if (n == 0) {
      return 0;
    }
    while (cacheBits < n) {
      refill();
    }
    cacheBits -= n;
    return (cache >>> cacheBits) & ((1L << n) - 1);
  }

  int uint(int n) throws AudioFormatException {
    return (int) bits(n);
  }

  /** The next {@code n} bits (1-32) as a two's complement value. */
  long signed(int n) throws AudioFormatException {
    if (n == 0) {
      return 0;
    }
    long v = bits(n);
    return (v << (64 - n)) >> (64 - n);
  }

  /** Number of 0 bits before the next 1 bit. */
  long unary() throws AudioFormatException {
    long count = 0;
    while (true) {
      if (cacheBits == 0) {
        refill();
      }
      long window = cache & ((1L << cacheBits) - 1);
      if (window == 0) {
        count += cacheBits;
        cacheBits = 0;
        continue;
      }
      int lead = Long.numberOfLeadingZeros(window) - (64 - cacheBits);
      count += lead;
      cacheBits -= lead + 1;
      return count;
    }
  }

  /** Skips to the next byte boundary. */
  void align() {
    cacheBits -= cacheBits % 8;
  }

  /** Index of the next unread byte (when aligned). */
  int bytePos() {
    return next - cacheBits / 8;
  }
}

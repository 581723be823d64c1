package org.voxproof.audio.internal;

/** CRC-8 (poly 0x07) and CRC-16 (poly 0x8005), both MSB-first with initial value 0. */
final class Crc {
  // SPEC: RFC 9639 §9.1.8 (frame header CRC-8) and §9.3 (frame footer CRC-16).
  private static final int[] T8 = new int[256];
  private static final int[] T16 = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int c8 = i;
      int c16 = i << 8;
      for (int k = 0; k < 8; k++) {
        c8 = (c8 & 0x80) != 0 ? (c8 << 1) ^ 0x07 : c8 << 1;
        c16 = (c16 & 0x8000) != 0 ? (c16 << 1) ^ 0x8005 : c16 << 1;
      }
      T8[i] = c8 & 0xff;
      T16[i] = c16 & 0xffff;
    }
  }

  private Crc() {}

  static int crc8(byte[] b, int from, int to) {
    int c = 0;
    for (int i = from; i < to; i++) {
      c = T8[(c ^ b[i]) & 0xff];
    }
    return c;
  }

  static int crc16(byte[] b, int from, int to) {
    int c = 0;
    for (int i = from; i < to; i++) {
      c = ((c << 8) ^ T16[((c >> 8) ^ b[i]) & 0xff]) & 0xffff;
    }
    return c;
  }
}

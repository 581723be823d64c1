package org.voxproof.watermark.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The 56 information bits: the 32-bit payload encrypted with a keyed pad, then a 24-bit MAC
 * (truncated HMAC-SHA256 under the watermark key) of the payload.
 */
public final class PayloadCodec {
  public static final int MAC_BITS = 24;
  public static final int BITS = 32 + MAC_BITS;

  private PayloadCodec() {}

  public static byte[] encode(byte[] secret, int payload) {
    int cipher = payload ^ pad(secret);
    byte[] mac = mac(secret, payload);
    byte[] bits = new byte[BITS];
    for (int i = 0; i < 32; i++) {
      bits[i] = (byte) ((cipher >>> (31 - i)) & 1);
    }
    for (int i = 0; i < MAC_BITS; i++) {
      bits[32 + i] = (byte) ((mac[i / 8] >> (7 - i % 8)) & 1);
    }
    return bits;
  }

  /** The payload when the MAC verifies, else empty. */
  public static OptionalInt decode(byte[] secret, byte[] bits) {
    int cipher = 0;
    for (int i = 0; i < 32; i++) {
      cipher = (cipher << 1) | bits[i];
    }
    int payload = cipher ^ pad(secret);
    byte[] got = new byte[MAC_BITS / 8];
    for (int i = 0; i < MAC_BITS; i++) {
      got[i / 8] |= (byte) (bits[32 + i] << (7 - i % 8));
    }
    byte[] want = mac(secret, payload);
    return MessageDigest.isEqual(got, want) ? OptionalInt.of(payload) : OptionalInt.empty();
  }

  private static int pad(byte[] secret) {
    return ByteBuffer.wrap(KeyStream.prf(secret, "voxproof-wm/pad/v1", new byte[0])).getInt();
  }

  private static byte[] mac(byte[] secret, int payload) {
    byte[] data = ByteBuffer.allocate(4).putInt(payload).array();
    byte[] full = KeyStream.prf(secret, "voxproof-wm/mac/v1", data);
    return Arrays.copyOf(full, MAC_BITS / 8);
  }
}

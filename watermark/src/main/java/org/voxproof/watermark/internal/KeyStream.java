package org.voxproof.watermark.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed pseudo-random stream: HMAC-SHA256(secret, label || counter), and keyed PRFs. */
public final class KeyStream {
  private final Mac mac;
  private final byte[] label;
  private long counter;
  private byte[] block = new byte[0];
  private int pos;

  public KeyStream(byte[] secret, String label) {
    this.mac = hmac(secret);
    this.label = label.getBytes(StandardCharsets.UTF_8);
  }

  /** HMAC-SHA256(secret, label || data). */
  public static byte[] prf(byte[] secret, String label, byte[] data) {
    Mac m = hmac(secret);
    m.update(label.getBytes(StandardCharsets.UTF_8));
    return m.doFinal(data);
  }

  private static Mac hmac(byte[] secret) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(secret, "HmacSHA256"));
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Next unsigned byte. */
  public int nextByte() {
    if (pos == block.length) {
      mac.update(label);
      block = mac.doFinal(ByteBuffer.allocate(8).putLong(counter++).array());
      pos = 0;
    }
    return block[pos++] & 0xff;
  }

  /** Uniform integer in [0, bound), bound &lt; 2^24, by rejection. */
  public int nextInt(int bound) {
    int limit = (1 << 24) - (1 << 24) % bound;
    while (true) {
      int v = (nextByte() << 16) | (nextByte() << 8) | nextByte();
      if (v < limit) {
        return v % bound;
      }
    }
  }

  /** A keyed random permutation of 0..n-1 (Fisher-Yates). */
  public int[] permutation(int n) {
    int[] p = new int[n];
    Arrays.setAll(p, i -> i);
    for (int i = n - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}

package org.voxproof.consent.token;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A Token Status List: one status value of {@code bits} bits per referenced token, packed into
 * bytes. Immutable: {@link #with} returns a changed copy.
 *
 * <p>SPEC: draft-ietf-oauth-status-list §4.1: the status of index {@code i} sits in byte {@code
 * i*bits/8}, starting at its least significant bit; the byte array is compressed with DEFLATE (RFC
 * 1951) in the ZLIB format (RFC 1950) and base64url-encoded without padding as {@code lst}.
 */
public final class StatusList {
  /** SPEC: draft-ietf-oauth-status-list §7.1: the token is valid. */
  public static final int VALID = 0;

  /** SPEC: draft-ietf-oauth-status-list §7.1: revoked (irreversible). */
  public static final int INVALID = 1;

  /** SPEC: draft-ietf-oauth-status-list §7.1: temporarily invalid. */
  public static final int SUSPENDED = 2;

  /** The most bytes a decoded list may have (8 Mi one-bit entries); bounds memory on decode. */
  public static final int MAX_BYTES = 1 << 20;

  private final int bits;
  private final byte[] bytes;

  private StatusList(int bits, byte[] bytes) {
    this.bits = bits;
    this.bytes = bytes;
  }

  /** A list of {@code entries} statuses of {@code bits} bits each, all {@link #VALID}. */
  public static StatusList empty(int bits, int entries) {
    checkBits(bits);
    long len = ((long) entries * bits + 7) / 8;
    if (entries < 1 || len > MAX_BYTES) {
      throw new IllegalArgumentException("entries must be 1.." + (MAX_BYTES * 8L / bits));
    }
    return new StatusList(bits, new byte[(int) len]);
  }

  private static void checkBits(int bits) {
    if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
      throw new IllegalArgumentException("bits must be 1, 2, 4 or 8");
    }
  }

  public int bits() {
    return bits;
  }

  /** How many statuses the list holds. */
  public long size() {
    return (long) bytes.length * 8 / bits;
  }

  /** The status at {@code index}; {@link IndexOutOfBoundsException} outside the list. */
  public int status(long index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("status index " + index + " outside 0.." + size());
    }
    long bit = index * bits;
    int b = bytes[(int) (bit >>> 3)] & 0xff;
    return (b >>> (bit & 7)) & ((1 << bits) - 1);
  }

  /** A copy with the status at {@code index} set to {@code value}. */
  public StatusList with(long index, int value) {
    status(index); // bounds
    if (value < 0 || value >= (1 << bits)) {
      throw new IllegalArgumentException("status " + value + " does not fit " + bits + " bits");
    }
    byte[] copy = bytes.clone();
    long bit = index * bits;
    int shift = (int) (bit & 7);
    int mask = ((1 << bits) - 1) << shift;
    int i = (int) (bit >>> 3);
    copy[i] = (byte) ((copy[i] & ~mask) | (value << shift));
    return new StatusList(bits, copy);
  }

  /** SPEC: draft-ietf-oauth-status-list §4.1: {@code lst}: base64url(ZLIB(DEFLATE(bytes))). */
  public String encode() {
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      d.setInput(bytes);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 + bytes.length / 64);
      byte[] buf = new byte[4096];
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    } finally {
      d.end();
    }
  }

  /**
   * Decodes an {@code lst} value. Refuses anything but one complete ZLIB stream that inflates to at
   * most {@link #MAX_BYTES} bytes.
   *
   * @throws IllegalArgumentException for a malformed, truncated, oversized or trailing-garbage list
   */
  public static StatusList decode(int bits, String lst) {
    checkBits(bits);
    if (lst == null || lst.isEmpty() || lst.length() > 4 * MAX_BYTES) {
      throw new IllegalArgumentException("lst missing or too long");
    }
    byte[] compressed;
    try {
      compressed = Base64.getUrlDecoder().decode(lst);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("lst is not base64url", e);
    }
    return new StatusList(bits, inflate(compressed));
  }

  private static byte[] inflate(byte[] compressed) {
    Inflater inf = new Inflater(); // ZLIB wrapper (RFC 1950), checks the Adler-32
    try {
      inf.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      while (!inf.finished()) {
        int n = inf.inflate(buf);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          throw new IllegalArgumentException("lst is a truncated ZLIB stream");
        }
        if (out.size() + n > MAX_BYTES) {
          throw new IllegalArgumentException("lst inflates beyond " + MAX_BYTES + " bytes");
        }
        out.write(buf, 0, n);
      }
      if (inf.getRemaining() > 0) {
        throw new IllegalArgumentException("lst has bytes after the ZLIB stream");
      }
      if (out.size() == 0) {
        throw new IllegalArgumentException("lst is empty");
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("lst is not a ZLIB stream", e);
    } finally {
      inf.end();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StatusList s && bits == s.bits && Arrays.equals(bytes, s.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * bits + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "StatusList[bits=" + bits + ", size=" + size() + "]";
  }
}

package org.voxproof.provenance.internal;

import java.util.Arrays;

/** A growable byte buffer without the locking of {@link java.io.ByteArrayOutputStream}. */
final class ByteSink {
  private byte[] buf;
  private int size;

  ByteSink(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  void write(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  void writeBytes(byte[] b) {
    writeBytes(b, 0, b.length);
  }

  void writeBytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private void ensure(int n) {
    if (buf.length - size < n) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }
  }
}

package org.voxproof.audio.internal;

import java.io.InputStream;

/**
 * An in-memory stream for codec libraries that may keep reading past the end of hostile input:
 * after a few reads at end of stream it aborts with {@code truncated} instead of returning -1
 * forever.
 */
final class GuardedInput extends InputStream {
  private static final int MAX_EOF_READS = 64;
  private final byte[] data;
  private final String codec;
  private int pos;
  private int eofReads;

  GuardedInput(byte[] data, String codec) {
    this.data = data;
    this.codec = codec;
  }

  private int atEof() {
    if (++eofReads > MAX_EOF_READS) {
      throw new Fail.Abort(Fail.truncated(codec + " stream ends inside a frame"));
    }
    return -1;
  }

  @Override
  public int read() {
    return pos < data.length ? data[pos++] & 0xff : atEof();
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (pos >= data.length) {
      return atEof();
    }
    int n = Math.min(len, data.length - pos);
    System.arraycopy(data, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int available() {
    return data.length - pos;
  }
}

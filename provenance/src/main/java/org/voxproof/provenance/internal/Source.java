package org.voxproof.provenance.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;

/**
 * Random access to an audio file, in memory or on disk, for the container code: small positional
 * reads for headers, and hashing or copying of large ranges without holding the file in memory.
 */
public interface Source {
  /** Chunk size for hashing and copying from disk. */
  int BUFFER = 1 << 16;

  long size();

  /** Reads exactly {@code len} bytes at {@code pos}; the range must lie inside the source. */
  void read(long pos, byte[] dst, int off, int len) throws IOException;

  /** Feeds {@code len} bytes at {@code pos} to {@code md}. */
  void digest(MessageDigest md, long pos, long len) throws IOException;

  /** Copies {@code len} bytes at {@code pos} into {@code dst} at {@code off}. */
  void copyTo(long pos, long len, byte[] dst, int off) throws IOException;

  /** Writes {@code len} bytes at {@code pos} to {@code out}. */
  void transferTo(long pos, long len, WritableByteChannel out) throws IOException;

  /** {@code len} bytes at {@code pos}, or fewer at the end of the source. */
  default byte[] bytes(long pos, int len) throws IOException {
    int n = (int) Math.max(0, Math.min(len, size() - pos));
    byte[] b = new byte[n];
    if (n > 0) {
      read(pos, b, 0, n);
    }
    return b;
  }

  static Source of(byte[] data) {
    return new Bytes(data);
  }

  static Source of(FileChannel ch) throws IOException {
    return new Channel(ch, ch.size());
  }

  /** A byte array, not copied: the caller must not change it while it is in use. */
  final class Bytes implements Source {
    private final byte[] b;

    Bytes(byte[] b) {
      this.b = b;
    }

    @Override
    public long size() {
      return b.length;
    }

    @Override
    public void read(long pos, byte[] dst, int off, int len) {
      System.arraycopy(b, Math.toIntExact(pos), dst, off, len);
    }

    @Override
    public void digest(MessageDigest md, long pos, long len) {
      md.update(b, Math.toIntExact(pos), Math.toIntExact(len));
    }

    @Override
    public void copyTo(long pos, long len, byte[] dst, int off) {
      System.arraycopy(b, Math.toIntExact(pos), dst, off, Math.toIntExact(len));
    }

    @Override
    public void transferTo(long pos, long len, WritableByteChannel out) throws IOException {
      ByteBuffer buf = ByteBuffer.wrap(b, Math.toIntExact(pos), Math.toIntExact(len));
      while (buf.hasRemaining()) {
        out.write(buf);
      }
    }
  }

  /** A file, read with positional reads (the channel's position is not used). */
  final class Channel implements Source {
    private final FileChannel ch;
    private final long size;

    Channel(FileChannel ch, long size) {
      this.ch = ch;
      this.size = size;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public void read(long pos, byte[] dst, int off, int len) throws IOException {
      ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
      long p = pos;
      while (buf.hasRemaining()) {
        int n = ch.read(buf, p);
        if (n < 0) {
          throw new EOFException("file shorter than it was");
        }
        p += n;
      }
    }

    @Override
    public void digest(MessageDigest md, long pos, long len) throws IOException {
      byte[] buf = new byte[(int) Math.min(BUFFER, Math.max(len, 1))];
      for (long done = 0; done < len; ) {
        int n = (int) Math.min(buf.length, len - done);
        read(pos + done, buf, 0, n);
        md.update(buf, 0, n);
        done += n;
      }
    }

    @Override
    public void copyTo(long pos, long len, byte[] dst, int off) throws IOException {
      read(pos, dst, off, Math.toIntExact(len));
    }

    @Override
    public void transferTo(long pos, long len, WritableByteChannel out) throws IOException {
      for (long done = 0; done < len; ) {
        long n = ch.transferTo(pos + done, len - done, out);
        if (n <= 0) {
          throw new EOFException("file shorter than it was");
        }
        done += n;
      }
    }
  }
}

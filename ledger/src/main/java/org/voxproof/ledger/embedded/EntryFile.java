package org.voxproof.ledger.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.voxproof.storage.OwnerOnly;

/**
 * The append-only entries file: an 8-byte header, then frames {@code u32 length, u32 CRC-32C of the
 * payload, payload} (big-endian). A frame that runs past the end of the file or fails its checksum
 * ends the valid prefix: a torn tail after a crash.
 */
final class EntryFile implements AutoCloseable {
  static final byte[] HEADER = "VXLOG01\n".getBytes(StandardCharsets.US_ASCII);
  static final int FRAME_OVERHEAD = 8;
  static final int MAX_PAYLOAD = 64 * 1024;

  private final FileChannel channel;

  private EntryFile(FileChannel channel) {
    this.channel = channel;
  }

  static EntryFile openForWrite(Path file) throws IOException {
    FileChannel ch =
        OwnerOnly.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (ch.size() < HEADER.length) {
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(HEADER), 0);
      ch.force(true);
    }
    return new EntryFile(ch);
  }

  static EntryFile openForRead(Path file) throws IOException {
    return new EntryFile(FileChannel.open(file, StandardOpenOption.READ));
  }

  /** Where a scan stopped, and the file size it saw when it started. */
  record Scan(long validEnd, long size) {}

  /**
   * Visits every valid frame in order, up to the size the file had when the scan started (a writer
   * may be appending meanwhile).
   */
  Scan scan(FrameVisitor visitor) throws IOException {
    long size = channel.size();
    if (size < HEADER.length) {
      return new Scan(size, size);
    }
    ByteBuffer header = ByteBuffer.allocate(HEADER.length);
    readFully(header, 0);
    if (!java.util.Arrays.equals(header.array(), HEADER)) {
      throw new IOException("not a VoxProof ledger entries file");
    }
    long pos = HEADER.length;
    try {
      pos = frames(visitor, size);
    } catch (CutWhileReading e) {
      // the writer cut a torn tail while we read it: the valid prefix ends at that frame
      pos = e.frameStart;
    }
    return new Scan(pos, size);
  }

  private long frames(FrameVisitor visitor, long size) throws IOException {
    long pos = HEADER.length;
    ByteBuffer head = ByteBuffer.allocate(FRAME_OVERHEAD);
    while (pos + FRAME_OVERHEAD <= size) {
      head.clear();
      readFully(head, pos, pos);
      int len = head.getInt(0);
      int crc = head.getInt(4);
      if (len <= 0 || len > MAX_PAYLOAD || pos + FRAME_OVERHEAD + len > size) {
        break;
      }
      ByteBuffer payload = ByteBuffer.allocate(len);
      readFully(payload, pos + FRAME_OVERHEAD, pos);
      if (crc32c(payload.array()) != crc || !visitor.visit(pos, payload.array())) {
        break;
      }
      pos += FRAME_OVERHEAD + len;
    }
    return pos;
  }

  /** Reads the payload of the frame at {@code offset}. */
  byte[] read(long offset) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(FRAME_OVERHEAD);
    readFully(head, offset);
    int len = head.getInt(0);
    if (len <= 0 || len > MAX_PAYLOAD) {
      throw new IOException("bad frame at " + offset);
    }
    ByteBuffer payload = ByteBuffer.allocate(len);
    readFully(payload, offset + FRAME_OVERHEAD);
    if (crc32c(payload.array()) != head.getInt(4)) {
      throw new IOException("checksum mismatch at " + offset);
    }
    return payload.array();
  }

  /** Appends one frame to {@code buf}. */
  static void frame(ByteBuffer buf, byte[] payload) {
    buf.putInt(payload.length).putInt(crc32c(payload)).put(payload);
  }

  /** Writes {@code buf} at {@code offset} and forces it to the device. */
  void writeDurably(ByteBuffer buf, long offset) throws IOException {
    long pos = offset;
    while (buf.hasRemaining()) {
      pos += channel.write(buf, pos);
    }
    channel.force(false);
  }

  void truncate(long size) throws IOException {
    channel.truncate(size);
    channel.force(true);
  }

  long size() throws IOException {
    return channel.size();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private void readFully(ByteBuffer b, long pos) throws IOException {
    long p = pos;
    while (b.hasRemaining()) {
      int n = channel.read(b, p);
      if (n < 0) {
        throw new IOException("unexpected end of file at " + p);
      }
      p += n;
    }
  }

  /** Like {@link #readFully(ByteBuffer, long)}, for a frame that may be cut while we read it. */
  private void readFully(ByteBuffer b, long pos, long frameStart) throws IOException {
    long p = pos;
    while (b.hasRemaining()) {
      int n = channel.read(b, p);
      if (n < 0) {
        throw new CutWhileReading(frameStart);
      }
      p += n;
    }
  }

  /** The file ended inside the frame at {@code frameStart}: it was truncated during the scan. */
  private static final class CutWhileReading extends java.io.EOFException {
    private static final long serialVersionUID = 1L;
    final long frameStart;

    CutWhileReading(long frameStart) {
      super("frame at " + frameStart + " was cut while being read");
      this.frameStart = frameStart;
    }
  }

  static int crc32c(byte[] data) {
    CRC32C c = new CRC32C();
    c.update(data);
    return (int) c.getValue();
  }

  /** Receives each frame; returning false stops the scan there (treated as the end). */
  interface FrameVisitor {
    boolean visit(long offset, byte[] payload);
  }
}

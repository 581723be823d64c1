package org.voxproof.provenance.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.util.List;
import org.voxproof.provenance.internal.Containers.Kind;

/**
 * A signed file described before it exists: pieces of the source, new bytes, and a slot of fixed
 * length for the manifest store. The hard binding is computed over the layout (the audio is read
 * once) and the file is written once, straight into its final array or channel.
 *
 * @param excludeStart start of the range the data hash excludes (C2PA 2.2 §18.5)
 * @param excludeLength its length: exactly the manifest bytes (WAV: chunk header + store)
 */
public record Layout(
    Kind kind, List<Segment> segments, long size, long excludeStart, long excludeLength) {
  public Layout {
    segments = List.copyOf(segments);
  }

  /** One piece of the output. */
  public sealed interface Segment {
    long length();
  }

  /** Bytes of the source. */
  public record Copy(long from, long length) implements Segment {}

  /** New bytes (headers). */
  @SuppressWarnings("ArrayRecordComponent") // built by Containers, never changed or handed out
  public record Literal(byte[] bytes) implements Segment {
    @Override
    public long length() {
      return bytes.length;
    }
  }

  /** Where the store goes; always inside the excluded range. */
  public record StoreSlot(long length) implements Segment {}

  /** Offset of the store slot in the output. */
  public long storeOffset() {
    long pos = 0;
    for (Segment s : segments) {
      if (s instanceof StoreSlot) {
        return pos;
      }
      pos += s.length();
    }
    throw new IllegalStateException("layout without a store slot");
  }

  /** SHA-256 of the output without the excluded range: the hard binding. */
  // SPEC: C2PA 2.2 §9.2.1, §18.5: data hash with exclusions.
  public byte[] dataHash(Source src) throws IOException {
    MessageDigest md = ManifestBuilder.sha256();
    long pos = 0;
    long exEnd = excludeStart + excludeLength;
    for (Segment s : segments) {
      long end = pos + s.length();
      long before = Math.max(0, Math.min(end, excludeStart) - pos);
      long afterStart = Math.max(pos, exEnd);
      long after = Math.max(0, end - afterStart);
      feed(md, src, s, 0, before);
      feed(md, src, s, afterStart - pos, after);
      pos = end;
    }
    return md.digest();
  }

  private static void feed(MessageDigest md, Source src, Segment s, long off, long len)
      throws IOException {
    if (len <= 0) {
      return;
    }
    if (s instanceof Copy c) {
      src.digest(md, c.from() + off, len);
    } else if (s instanceof Literal l) {
      md.update(l.bytes(), (int) off, (int) len);
    } else {
      throw new IllegalStateException("the store slot must be excluded");
    }
  }

  /** The output as one array, allocated once. */
  public byte[] toBytes(Source src, byte[] store) throws IOException {
    byte[] out = new byte[Math.toIntExact(size)];
    int pos = 0;
    for (Segment s : segments) {
      if (s instanceof Copy c) {
        src.copyTo(c.from(), c.length(), out, pos);
      } else if (s instanceof Literal l) {
        System.arraycopy(l.bytes(), 0, out, pos, l.bytes().length);
      } else {
        System.arraycopy(checked(store, (StoreSlot) s), 0, out, pos, store.length);
      }
      pos += (int) s.length();
    }
    return out;
  }

  /** Writes the output to {@code out} (source ranges are transferred, not buffered whole). */
  public void write(Source src, byte[] store, WritableByteChannel out) throws IOException {
    for (Segment s : segments) {
      if (s instanceof Copy c) {
        src.transferTo(c.from(), c.length(), out);
      } else if (s instanceof Literal l) {
        writeFully(out, l.bytes());
      } else {
        writeFully(out, checked(store, (StoreSlot) s));
      }
    }
  }

  private static byte[] checked(byte[] store, StoreSlot slot) {
    if (store.length != slot.length()) {
      throw new IllegalStateException("store does not fit its slot");
    }
    return store;
  }

  private static void writeFully(WritableByteChannel out, byte[] b) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(b);
    while (buf.hasRemaining()) {
      out.write(buf);
    }
  }
}

package org.voxproof.provenance.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voxproof.provenance.internal.Layout.Copy;
import org.voxproof.provenance.internal.Layout.Literal;
import org.voxproof.provenance.internal.Layout.Segment;
import org.voxproof.provenance.internal.Layout.StoreSlot;

/**
 * Where a C2PA manifest store lives in an audio file, and how to put one there.
 *
 * <ul>
 *   <li>WAV: a RIFF chunk {@code C2PA}, the last child of {@code RIFF}.
 *   <li>MP3 and FLAC: an ID3v2.4 {@code GEOB} frame with MIME {@code application/c2pa} in a tag at
 *       the start of the file (FLAC: before {@code fLaC}).
 * </ul>
 *
 * All parsing is bounded by the input: no declared size is trusted before it is checked. A store
 * whose chunk or frame the file cuts short is found as damaged, never missed.
 */
public final class Containers {
  /** The audio container kinds we embed into. */
  public enum Kind {
    WAV("audio/wav"),
    MP3("audio/mpeg"),
    FLAC("audio/flac");

    public final String mime;

    Kind(String mime) {
      this.mime = mime;
    }
  }

  /**
   * A manifest store found in a file: {@code length} bytes at {@code offset}. When {@code damage}
   * is set, the container declares more than the file holds (or its header fields are broken) and
   * the bytes at {@code offset} are only what is there.
   */
  public record Located(Kind kind, long offset, int length, String damage) {
    public boolean damaged() {
      return damage != null;
    }
  }

  /** Raised for files we cannot parse or embed into. */
  public static final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public FormatException(String message) {
      super(message);
    }
  }

  static final String GEOB_MIME = "application/c2pa";
  static final String GEOB_MIME_OLD = "application/x-c2pa-manifest-store";

  private Containers() {}

  /** The kind of a file that can be signed (its audio must be there). */
  public static Kind detect(Source s) throws FormatException, IOException {
    byte[] h = s.bytes(0, 12);
    if (h.length == 12 && ascii(h, 0, 4).equals("RIFF") && ascii(h, 8, 4).equals("WAVE")) {
      return Kind.WAV;
    }
    long audio = 0;
    if (Id3.present(s)) {
      audio = Id3.tag(s).end();
    }
    byte[] a = audio < s.size() ? s.bytes(audio, 4) : new byte[0];
    if (a.length == 4 && ascii(a, 0, 4).equals("fLaC")) {
      return Kind.FLAC;
    }
    if (a.length >= 2 && (a[0] & 0xff) == 0xff && (a[1] & 0xe0) == 0xe0) {
      return Kind.MP3;
    }
    throw new FormatException("not a WAV, MP3 or FLAC file");
  }

  /** The manifest store in {@code f}, if there is one. */
  public static Optional<Located> find(byte[] f) throws FormatException {
    try {
      return find(Source.of(f));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown by an in-memory source
    }
  }

  /** The manifest store in {@code s}, if there is one (damaged ones included). */
  public static Optional<Located> find(Source s) throws FormatException, IOException {
    if (Id3.present(s)) {
      return findId3(s);
    }
    if (detect(s) != Kind.WAV) {
      return Optional.empty();
    }
    Riff.Walk w = Riff.walk(s);
    for (Riff.Chunk c : w.chunks()) {
      if (c.id() == Riff.C2PA) {
        return Optional.of(located(Kind.WAV, c.dataOffset(), c.size(), null));
      }
    }
    if (w.cut() != null && w.cut().id() == Riff.C2PA) {
      long avail = s.size() - w.cut().dataOffset();
      String why = "C2PA chunk declares " + w.cut().size() + " bytes, the file holds " + avail;
      return Optional.of(located(Kind.WAV, w.cut().dataOffset(), avail, why));
    }
    if (w.cut() != null) {
      throw new FormatException("RIFF chunk larger than the file");
    }
    if (Riff.couldBeC2paHeader(w.tail())) {
      long at = s.size() - w.tail().length;
      return Optional.of(located(Kind.WAV, s.size(), 0, "C2PA chunk header cut at " + at));
    }
    return Optional.empty();
  }

  private static Optional<Located> findId3(Source s) throws FormatException, IOException {
    Id3.Tag t = Id3.tag(s);
    Kind k =
        t.end() < s.size()
                && s.bytes(t.end(), 4).length == 4
                && ascii(s.bytes(t.end(), 4), 0, 4).equals("fLaC")
            ? Kind.FLAC
            : Kind.MP3;
    Id3.Walk w = Id3.frames(s, t);
    long regionEnd = Math.min(t.framesEnd(), s.size());
    for (Id3.Frame f : w.frames()) {
      Id3.Probe p = Id3.probe(s, f, regionEnd);
      if (p.c2pa()) {
        return Optional.of(store(k, s, f, p, regionEnd));
      }
    }
    if (w.cut() != null) {
      Id3.Probe p = Id3.probe(s, w.cut(), regionEnd);
      if (p.c2pa()) {
        return Optional.of(store(k, s, w.cut(), p, regionEnd));
      }
      throw new FormatException("ID3 frame larger than its tag");
    }
    return Optional.empty();
  }

  private static Located store(Kind k, Source s, Id3.Frame f, Id3.Probe p, long regionEnd) {
    long end = Math.min(f.end(), regionEnd);
    if (p.storeOffset() < 0) {
      return located(k, end, 0, p.damage());
    }
    long start = f.start() + 10 + p.storeOffset();
    String damage = p.damage();
    if (damage != null && f.end() != Long.MAX_VALUE) {
      damage +=
          ": the frame declares "
              + (f.end() - f.start())
              + " bytes, "
              + (end - f.start())
              + " present";
    }
    return located(k, start, Math.max(0, end - start), damage);
  }

  private static Located located(Kind k, long offset, long length, String damage) {
    return new Located(k, offset, (int) Math.min(length, Integer.MAX_VALUE), damage);
  }

  /**
   * Lays out {@code s} (any existing manifest removed) with a slot of {@code storeLength} bytes for
   * the store; the layout's exclusion covers exactly the manifest bytes.
   */
  // SPEC: C2PA 2.2 §A.4 (embedding in RIFF and ID3 containers).
  public static Layout place(Source s, int storeLength) throws FormatException, IOException {
    Kind k = detect(s);
    return k == Kind.WAV ? placeWav(s, storeLength) : placeId3(s, k, storeLength);
  }

  private static Layout placeWav(Source s, int len) throws FormatException, IOException {
    Riff.Walk w = Riff.walk(s);
    if (w.cut() != null && w.cut().id() != Riff.C2PA) {
      throw new FormatException("RIFF chunk larger than the file");
    }
    List<Segment> seg = new ArrayList<>();
    byte[] header = s.bytes(0, 12);
    seg.add(new Literal(header));
    long size = 12;
    for (Riff.Chunk c : w.chunks()) {
      if (c.id() != Riff.C2PA) {
        long have = Math.min(c.total(), s.size() - c.offset());
        seg.add(new Copy(c.offset(), have));
        if (have < c.total()) {
          seg.add(new Literal(new byte[1])); // a missing pad byte at the very end
        }
        size += c.total();
      }
    }
    long chunkStart = size;
    byte[] chunkHeader = {'C', '2', 'P', 'A', 0, 0, 0, 0};
    putLe32(chunkHeader, 4, len);
    seg.add(new Literal(chunkHeader));
    seg.add(new StoreSlot(len));
    if ((len & 1) != 0) {
      seg.add(new Literal(new byte[1])); // SPEC: RIFF pad byte; hashed, not excluded
    }
    size += 8 + len + (len & 1);
    if (size - 8 > 0xffffffffL) {
      throw new FormatException("a signed WAV would exceed 4 GiB");
    }
    putLe32(header, 4, size - 8);
    return new Layout(Kind.WAV, seg, size, chunkStart, 8 + len);
  }

  private static Layout placeId3(Source s, Kind k, int len) throws FormatException, IOException {
    long audio = 0;
    ByteSink frames = new ByteSink(256);
    if (Id3.present(s)) {
      Id3.Tag t = Id3.tag(s);
      audio = t.end();
      Id3.Walk w = Id3.frames(s, t);
      if (w.cut() != null || t.end() > s.size()) {
        throw new FormatException("ID3 tag larger than the file");
      }
      for (Id3.Frame f : w.frames()) {
        if (!Id3.probe(s, f, t.framesEnd()).c2pa()) {
          frames.writeBytes(Id3.asV24(s, f));
        }
      }
    }
    // GEOB: encoding UTF-8, MIME, file name, description, then the store (as c2pa-rs writes it).
    byte[] fields = (GEOB_MIME + "\0c2pa\0c2pa manifest store\0").getBytes(StandardCharsets.UTF_8);
    frames.writeBytes("GEOB".getBytes(StandardCharsets.US_ASCII));
    frames.writeBytes(Id3.syncsafe(1 + fields.length + len));
    frames.write(0);
    frames.write(0);
    frames.write(3);
    frames.writeBytes(fields);
    if (frames.size() + (long) len >= 1 << 28) {
      throw new FormatException("an ID3 tag holds at most 256 MiB");
    }
    ByteSink head = new ByteSink(frames.size() + 10);
    head.writeBytes(new byte[] {'I', 'D', '3', 4, 0, 0});
    head.writeBytes(Id3.syncsafe(frames.size() + len));
    head.writeBytes(frames.toByteArray());
    long storeOffset = head.size();
    List<Segment> seg =
        List.of(
            new Literal(head.toByteArray()), new StoreSlot(len), new Copy(audio, s.size() - audio));
    return new Layout(k, seg, storeOffset + len + s.size() - audio, storeOffset, len);
  }

  static String ascii(byte[] f, int off, int n) {
    if (off < 0 || off + n > f.length) {
      return "";
    }
    return new String(f, off, n, StandardCharsets.ISO_8859_1);
  }

  static int fourCc(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return be32(b, 0);
  }

  static int be32(byte[] b, int o) {
    return ((b[o] & 0xff) << 24)
        | ((b[o + 1] & 0xff) << 16)
        | ((b[o + 2] & 0xff) << 8)
        | (b[o + 3] & 0xff);
  }

  static long le32(byte[] b, int o) {
    return (b[o] & 0xffL)
        | ((b[o + 1] & 0xffL) << 8)
        | ((b[o + 2] & 0xffL) << 16)
        | ((b[o + 3] & 0xffL) << 24);
  }

  private static void putLe32(byte[] b, int o, long v) {
    for (int i = 0; i < 4; i++) {
      b[o + i] = (byte) (v >>> (8 * i));
    }
  }
}

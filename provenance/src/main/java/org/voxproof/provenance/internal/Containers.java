package org.voxproof.provenance.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a C2PA manifest store lives in an audio file, and how to put one there.
 *
 * <ul>
 *   <li>WAV: a RIFF chunk {@code C2PA}, the last child of {@code RIFF}.
 *   <li>MP3 and FLAC: an ID3v2.4 {@code GEOB} frame with MIME {@code application/c2pa} in a tag at
 *       the start of the file (FLAC: before {@code fLaC}).
 * </ul>
 *
 * All parsing is bounded by the input: no declared size is trusted before it is checked.
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

  /** A manifest store found in a file. */
  public record Located(Kind kind, int offset, int length) {}

  /** A file laid out with a zero-filled store of a fixed length, and the hard-binding exclusion. */
  public record Placement(byte[] file, int storeOffset, int excludeStart, int excludeLength) {
    public Placement {
      file = file.clone();
    }

    @Override
    public byte[] file() {
      return file.clone();
    }

    /** The final file with {@code store} written into the placeholder. */
    public byte[] fill(byte[] store) {
      byte[] out = file.clone();
      System.arraycopy(store, 0, out, storeOffset, store.length);
      return out;
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

  public static Kind detect(byte[] f) throws FormatException {
    if (f.length >= 12 && ascii(f, 0, 4).equals("RIFF") && ascii(f, 8, 4).equals("WAVE")) {
      return Kind.WAV;
    }
    int audio = 0;
    if (f.length >= 10 && ascii(f, 0, 3).equals("ID3")) {
      audio = Id3.tagEnd(f);
    }
    if (f.length >= audio + 4 && ascii(f, audio, 4).equals("fLaC")) {
      return Kind.FLAC;
    }
    if (f.length >= audio + 2 && (f[audio] & 0xff) == 0xff && (f[audio + 1] & 0xe0) == 0xe0) {
      return Kind.MP3;
    }
    throw new FormatException("not a WAV, MP3 or FLAC file");
  }

  /** The manifest store in {@code f}, if there is one. */
  public static Optional<Located> find(byte[] f) throws FormatException {
    Kind k = detect(f);
    if (k == Kind.WAV) {
      for (int[] c : riffChunks(f)) {
        if (c[0] == C2PA_ID) {
          return Optional.of(new Located(k, c[1] + 8, c[2]));
        }
      }
      return Optional.empty();
    }
    if (!ascii(f, 0, 3).equals("ID3")) {
      return Optional.empty();
    }
    for (Id3.Frame fr : Id3.frames(f)) {
      int data = Id3.c2paDataOffset(f, fr);
      if (data >= 0) {
        return Optional.of(new Located(k, data, fr.end() - data));
      }
    }
    return Optional.empty();
  }

  /**
   * Lays out {@code f} (any existing manifest removed) with a zero-filled store of {@code
   * storeLength} bytes; the result's exclusion covers exactly the manifest bytes.
   */
  // SPEC: C2PA 2.2 §A.4 (embedding in RIFF and ID3 containers).
  public static Placement place(byte[] f, int storeLength) throws FormatException {
    Kind k = detect(f);
    return k == Kind.WAV ? placeWav(f, storeLength) : placeId3(f, storeLength);
  }

  private static final int C2PA_ID = fourCc("C2PA");

  private static Placement placeWav(byte[] f, int len) throws FormatException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(f.length + len + 10);
    out.write(f, 0, 12);
    for (int[] c : riffChunks(f)) {
      if (c[0] != C2PA_ID) {
        int total = 8 + c[2] + (c[2] & 1);
        out.write(f, c[1], Math.min(total, f.length - c[1]));
        if (c[1] + total > f.length) {
          out.write(0); // a missing pad byte at the very end
        }
      }
    }
    int chunkStart = out.size();
    out.writeBytes("C2PA".getBytes(StandardCharsets.US_ASCII));
    writeLe32(out, len);
    out.writeBytes(new byte[len + (len & 1)]); // SPEC: RIFF pad byte; hashed, not excluded
    byte[] b = out.toByteArray();
    putLe32(b, 4, b.length - 8);
    return new Placement(b, chunkStart + 8, chunkStart, 8 + len);
  }

  private static Placement placeId3(byte[] f, int len) throws FormatException {
    List<byte[]> keep = new ArrayList<>();
    int audio = 0;
    if (ascii(f, 0, 3).equals("ID3")) {
      audio = Id3.tagEnd(f);
      for (Id3.Frame fr : Id3.frames(f)) {
        if (Id3.c2paDataOffset(f, fr) < 0) {
          keep.add(Id3.asV24(f, fr));
        }
      }
    }
    ByteArrayOutputStream frames = new ByteArrayOutputStream();
    keep.forEach(frames::writeBytes);
    // GEOB: encoding UTF-8, MIME, file name, description, then the store (as c2pa-rs writes it).
    ByteArrayOutputStream geob = new ByteArrayOutputStream();
    geob.write(3);
    geob.writeBytes((GEOB_MIME + "\0c2pa\0c2pa manifest store\0").getBytes(StandardCharsets.UTF_8));
    int headerLen = geob.size();
    frames.writeBytes("GEOB".getBytes(StandardCharsets.US_ASCII));
    frames.writeBytes(Id3.syncsafe(headerLen + len));
    frames.write(0);
    frames.write(0);
    frames.writeBytes(geob.toByteArray());
    int storeOffset = 10 + frames.size();
    frames.writeBytes(new byte[len]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'I', 'D', '3', 4, 0, 0});
    out.writeBytes(Id3.syncsafe(frames.size()));
    out.writeBytes(frames.toByteArray());
    out.write(f, audio, f.length - audio);
    return new Placement(out.toByteArray(), storeOffset, storeOffset, len);
  }

  /** RIFF chunks after the WAVE header: {id, offset of header, declared size}. */
  static List<int[]> riffChunks(byte[] f) throws FormatException {
    List<int[]> out = new ArrayList<>();
    int p = 12;
    while (p + 8 <= f.length) {
      long size = le32(f, p + 4);
      if (size > f.length - p - 8L) {
        throw new FormatException("RIFF chunk larger than the file");
      }
      out.add(new int[] {be32(f, p), p, (int) size});
      p += 8 + (int) size + (int) (size & 1);
      if (out.size() > 10_000) {
        throw new FormatException("too many RIFF chunks");
      }
    }
    return out;
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

  private static void writeLe32(ByteArrayOutputStream out, long v) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (v >>> (8 * i)));
    }
  }

  private static void putLe32(byte[] b, int o, long v) {
    for (int i = 0; i < 4; i++) {
      b[o + i] = (byte) (v >>> (8 * i));
    }
  }

  static byte[] copy(byte[] f, int from, int to) {
    return Arrays.copyOfRange(f, from, to);
  }
}

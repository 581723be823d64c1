package org.voxproof.provenance.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.voxproof.provenance.internal.Containers.FormatException;

/**
 * The few parts of ID3v2.3/2.4 needed to find, keep and write frames at the start of a file, and to
 * recognise a C2PA {@code GEOB} frame even when the file ends inside it.
 */
final class Id3 {
  /** The most of a GEOB frame's body read to find its MIME type, file name and description. */
  static final int MAX_GEOB_HEADER = 4096;

  private static final int MAX_FRAMES = 10_000;

  /** The tag header: version, flags, end of the frames region and end of the whole tag. */
  record Tag(int version, int flags, long framesEnd, long end) {}

  /** One frame: header offset, declared end (exclusive) and the tag's major version. */
  record Frame(String id, long start, long end, int version) {}

  /** The frames that fit, and possibly one the tag or the file cuts short ({@code cut}). */
  record Walk(List<Frame> frames, Frame cut) {}

  /** What a GEOB frame's header fields say: not C2PA, C2PA with its store at an offset, or cut. */
  record Probe(boolean c2pa, int storeOffset, String damage) {
    static final Probe NOT_C2PA = new Probe(false, -1, null);
  }

  private Id3() {}

  static boolean present(Source s) throws IOException {
    byte[] b = s.bytes(0, 3);
    return b.length == 3 && b[0] == 'I' && b[1] == 'D' && b[2] == '3';
  }

  static Tag tag(Source s) throws FormatException, IOException {
    byte[] h = s.bytes(0, 10);
    if (h.length < 10) {
      throw new FormatException("truncated ID3 header");
    }
    int version = h[3];
    if ((version != 3 && version != 4) || (h[5] & 0xc0) != 0) {
      throw new FormatException(
          "unsupported ID3 tag (version 2." + version + ", flags " + h[5] + ")");
    }
    long framesEnd = 10L + syncsafe(h, 6);
    return new Tag(version, h[5], framesEnd, framesEnd + ((h[5] & 0x10) != 0 ? 10 : 0));
  }

  /** The frames of a v2.3/v2.4 tag without unsynchronisation or extended header. */
  static Walk frames(Source s, Tag t) throws FormatException, IOException {
    long regionEnd = Math.min(t.framesEnd(), s.size());
    List<Frame> out = new ArrayList<>();
    long p = 10;
    byte[] h = new byte[10];
    while (p < regionEnd) {
      int n = (int) Math.min(10, regionEnd - p);
      s.read(p, h, 0, n);
      if (h[0] == 0) {
        break; // padding
      }
      String id = new String(h, 0, Math.min(4, n), StandardCharsets.ISO_8859_1);
      if (n < 10) {
        return new Walk(out, new Frame(id, p, Long.MAX_VALUE, t.version()));
      }
      long size = t.version() == 4 ? syncsafe(h, 4) : Containers.be32(h, 4) & 0xffffffffL;
      Frame f = new Frame(id, p, p + 10 + size, t.version());
      if (f.end() > regionEnd) {
        return new Walk(out, f);
      }
      out.add(f);
      if (out.size() > MAX_FRAMES) {
        throw new FormatException("too many ID3 frames");
      }
      p = f.end();
    }
    return new Walk(out, null);
  }

  /** Probes a frame; for a cut frame, only the bytes the file (and tag) hold are read. */
  static Probe probe(Source s, Frame f, long available) throws IOException {
    String geob = "GEOB";
    if (!geob.startsWith(f.id()) || f.id().isEmpty()) {
      return Probe.NOT_C2PA;
    }
    boolean whole = f.end() <= available;
    long bodyStart = f.start() + 10;
    long bodyEnd = Math.min(f.end(), available);
    byte[] body =
        s.bytes(bodyStart, (int) Math.max(0, Math.min(MAX_GEOB_HEADER, bodyEnd - bodyStart)));
    boolean seenAll = whole && body.length == f.end() - bodyStart;
    return fields(body, f.id().length() == 4, seenAll, whole);
  }

  // SPEC: ID3v2.4 §4.15 GEOB: encoding, MIME (Latin-1, NUL), file name, description, object.
  private static Probe fields(byte[] b, boolean idComplete, boolean seenAll, boolean whole) {
    if (!idComplete || b.length == 0) {
      return whole ? Probe.NOT_C2PA : cut("GEOB frame cut before its MIME type");
    }
    int width = b[0] == 1 || b[0] == 2 ? 2 : 1;
    int mimeEnd = indexOf0(b, 1, 1);
    String mime =
        new String(b, 1, (mimeEnd < 0 ? b.length : mimeEnd) - 1, StandardCharsets.ISO_8859_1);
    boolean isC2pa = Containers.GEOB_MIME.equals(mime) || Containers.GEOB_MIME_OLD.equals(mime);
    if (mimeEnd < 0) {
      boolean prefix =
          Containers.GEOB_MIME.startsWith(mime) || Containers.GEOB_MIME_OLD.startsWith(mime);
      return prefix && !seenAll ? cut("GEOB frame cut inside its MIME type") : Probe.NOT_C2PA;
    }
    if (!isC2pa) {
      return Probe.NOT_C2PA;
    }
    int nameEnd = indexOf0(b, mimeEnd + 1, width);
    int descEnd = nameEnd < 0 ? -1 : indexOf0(b, nameEnd + width, width);
    if (descEnd < 0) {
      return cut(whole ? "C2PA GEOB frame without terminated fields" : "C2PA GEOB frame cut");
    }
    return new Probe(true, descEnd + width, whole ? null : "C2PA GEOB frame cut short");
  }

  private static Probe cut(String why) {
    return new Probe(true, -1, why);
  }

  private static int indexOf0(byte[] f, int from, int width) {
    for (int i = from; i + width <= f.length; i += width) {
      if (f[i] == 0 && (width == 1 || f[i + 1] == 0)) {
        return i;
      }
    }
    return -1;
  }

  static int syncsafe(byte[] b, int o) throws FormatException {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int x = b[o + i] & 0xff;
      if (x > 0x7f) {
        throw new FormatException("bad ID3 syncsafe integer");
      }
      v = (v << 7) | x;
    }
    return v;
  }

  static byte[] syncsafe(int v) {
    return new byte[] {
      (byte) ((v >>> 21) & 0x7f),
      (byte) ((v >>> 14) & 0x7f),
      (byte) ((v >>> 7) & 0x7f),
      (byte) (v & 0x7f)
    };
  }

  /** The frame re-encoded for an ID3v2.4 tag (syncsafe size; v2.3 flags dropped). */
  static byte[] asV24(Source s, Frame fr) throws IOException {
    int size = Math.toIntExact(fr.end() - fr.start() - 10);
    byte[] out = new byte[size + 10];
    s.read(fr.start(), out, 0, 10);
    System.arraycopy(syncsafe(size), 0, out, 4, 4);
    if (fr.version() != 4) {
      out[8] = 0;
      out[9] = 0;
    }
    s.read(fr.start() + 10, out, 10, size);
    return out;
  }
}

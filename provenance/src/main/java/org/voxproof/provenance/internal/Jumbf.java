package org.voxproof.provenance.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * JUMBF (ISO/IEC 19566-5) boxes as C2PA uses them: writing superboxes and content boxes, and a
 * bounded reader that never allocates more than the input it was given.
 */
public final class Jumbf {
  /** Maximum superbox nesting the reader accepts. */
  public static final int MAX_DEPTH = 8;

  /** Maximum number of boxes the reader accepts in one store. */
  public static final int MAX_BOXES = 4096;

  // SPEC: C2PA 2.2 §11.1 (JUMBF type UUIDs): 4CC followed by 0011-0010-8000-00AA00389B71.
  public static final String STORE = "c2pa";
  public static final String MANIFEST = "c2ma";
  public static final String ASSERTIONS = "c2as";
  public static final String CLAIM = "c2cl";
  public static final String SIGNATURE = "c2cs";
  public static final String CBOR_ASSERTION = "cbor";
  public static final String JSON_ASSERTION = "json";

  private static final byte[] UUID_TAIL = {
    0x00, 0x11, 0x00, 0x10, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
  };

  private Jumbf() {}

  /** Raised for malformed, truncated or over-large JUMBF. */
  public static final class JumbfException extends Exception {
    private static final long serialVersionUID = 1L;

    public JumbfException(String message) {
      super(message);
    }
  }

  // ---------------------------------------------------------------- writing

  /** A plain box: 4-byte length, 4-byte type, payload. */
  public static byte[] box(String type, byte[] payload) {
    return leaf(type, payload).toBytes();
  }

  /** A superbox ({@code jumb}) with a requestable, labelled description box and children. */
  public static byte[] superbox(String typeFourCc, String label, List<byte[]> children) {
    return tree(typeFourCc, label, children.stream().map(Jumbf::written).toList()).toBytes();
  }

  /**
   * A box to be written: its length is known before any byte is, so a whole store is written once,
   * into one array, however deeply its boxes nest.
   */
  public abstract static class Out {
    abstract long length();

    abstract void writeTo(ByteSink out);

    public byte[] toBytes() {
      ByteSink out = new ByteSink(Math.toIntExact(length()));
      writeTo(out);
      return out.toByteArray();
    }
  }

  /** A plain box to be written. */
  public static Out leaf(String type, byte[] payload) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    return new Out() {
      @Override
      long length() {
        return 8L + payload.length;
      }

      @Override
      void writeTo(ByteSink out) {
        writeU32(out, length());
        out.writeBytes(t);
        out.writeBytes(payload);
      }
    };
  }

  /** A box already written (e.g. an assertion, whose bytes are hashed). */
  public static Out written(byte[] box) {
    return new Out() {
      @Override
      long length() {
        return box.length;
      }

      @Override
      void writeTo(ByteSink out) {
        out.writeBytes(box);
      }
    };
  }

  /** A superbox ({@code jumb}) to be written: description box, then children. */
  public static Out tree(String typeFourCc, String label, List<Out> children) {
    ByteSink d = new ByteSink(32 + label.length());
    d.writeBytes(typeFourCc.getBytes(StandardCharsets.US_ASCII));
    d.writeBytes(UUID_TAIL);
    d.write(0x03); // SPEC: ISO 19566-5 §A.3: toggles requestable | label present
    d.writeBytes(label.getBytes(StandardCharsets.UTF_8));
    d.write(0);
    Out desc = leaf("jumd", d.toByteArray());
    List<Out> kids = List.copyOf(children);
    long len = 8 + desc.length() + kids.stream().mapToLong(Out::length).sum();
    return new Out() {
      @Override
      long length() {
        return len;
      }

      @Override
      void writeTo(ByteSink out) {
        writeU32(out, len);
        out.writeBytes(JUMB);
        desc.writeTo(out);
        kids.forEach(k -> k.writeTo(out));
      }
    };
  }

  private static final byte[] JUMB = {'j', 'u', 'm', 'b'};

  private static void writeU32(ByteSink out, long v) {
    for (int i = 3; i >= 0; i--) {
      out.write((int) (v >>> (8 * i)));
    }
  }

  // ---------------------------------------------------------------- reading

  /**
   * One parsed box. For a superbox, {@code label}/{@code typeFourCc} come from its description box
   * and {@code children} holds the boxes after it; for a content box, {@code children} is empty.
   * {@code contentStart}..{@code end} is the part C2PA hashes for a superbox (description box and
   * content boxes, without the superbox's own header).
   */
  public record Box(
      String type,
      String typeFourCc,
      String label,
      byte[] source,
      int start,
      int contentStart,
      int end,
      List<Box> children) {

    public Box {
      children = List.copyOf(children);
    }

    public boolean isSuperbox() {
      return "jumb".equals(type);
    }

    /** The payload bytes of a content box, or the contents of a superbox. */
    public byte[] payload() {
      return Arrays.copyOfRange(source, contentStart, end);
    }

    /** The first child superbox with this label. */
    public Optional<Box> child(String childLabel) {
      return children.stream()
          .filter(b -> b.isSuperbox() && childLabel.equals(b.label()))
          .findFirst();
    }

    /** The first content box of the given type. */
    public Optional<Box> content(String contentType) {
      return children.stream().filter(b -> contentType.equals(b.type())).findFirst();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Box b && b.source == source && b.start == start && b.end == end;
    }

    @Override
    public int hashCode() {
      return start * 31 + end;
    }

    @Override
    public String toString() {
      return "Box[" + type + (label == null ? "" : " " + label) + " @" + start + "]";
    }
  }

  /** Parses a C2PA manifest store: exactly one top-level {@code jumb} filling {@code data}. */
  public static Box parseStore(byte[] data) throws JumbfException {
    int[] count = {0};
    List<Box> top = parse(data, 0, data.length, 0, count);
    if (top.size() != 1 || !top.get(0).isSuperbox() || !STORE.equals(top.get(0).typeFourCc())) {
      throw new JumbfException("not a C2PA manifest store");
    }
    return top.get(0);
  }

  private static List<Box> parse(byte[] d, int off, int end, int depth, int[] count)
      throws JumbfException {
    if (depth > MAX_DEPTH) {
      throw new JumbfException("JUMBF nesting too deep");
    }
    List<Box> out = new ArrayList<>();
    while (off < end) {
      if (++count[0] > MAX_BOXES) {
        throw new JumbfException("too many JUMBF boxes");
      }
      if (end - off < 8) {
        throw new JumbfException("truncated box header");
      }
      long len = u32(d, off);
      String type = new String(d, off + 4, 4, StandardCharsets.ISO_8859_1);
      int hdr = 8;
      if (len == 1) {
        if (end - off < 16) {
          throw new JumbfException("truncated large box header");
        }
        len = 0;
        for (int i = 0; i < 8; i++) {
          len = (len << 8) | (d[off + 8 + i] & 0xff);
        }
        hdr = 16;
      } else if (len == 0) {
        len = (long) end - off;
      }
      if (len < hdr || len > end - off) {
        throw new JumbfException("box length out of range");
      }
      int boxEnd = off + (int) len;
      out.add(
          "jumb".equals(type)
              ? superbox(d, off, off + hdr, boxEnd, depth, count)
              : new Box(type, null, null, d, off, off + hdr, boxEnd, List.of()));
      off = boxEnd;
    }
    return out;
  }

  private static Box superbox(byte[] d, int start, int cs, int end, int depth, int[] count)
      throws JumbfException {
    List<Box> kids = parse(d, cs, end, depth + 1, count);
    if (kids.isEmpty() || !"jumd".equals(kids.get(0).type())) {
      throw new JumbfException("superbox without description box");
    }
    Box jumd = kids.get(0);
    int p = jumd.contentStart();
    if (jumd.end() - p < 17) {
      throw new JumbfException("description box too short");
    }
    String fourCc = new String(d, p, 4, StandardCharsets.ISO_8859_1);
    int toggles = d[p + 16] & 0xff;
    String label = null;
    if ((toggles & 0x02) != 0) {
      int q = p + 17;
      while (q < jumd.end() && d[q] != 0) {
        q++;
      }
      if (q >= jumd.end()) {
        throw new JumbfException("unterminated label");
      }
      label = new String(d, p + 17, q - p - 17, StandardCharsets.UTF_8);
    }
    return new Box("jumb", fourCc, label, d, start, cs, end, kids.subList(1, kids.size()));
  }

  private static long u32(byte[] d, int off) {
    return ((long) (d[off] & 0xff) << 24)
        | ((d[off + 1] & 0xff) << 16)
        | ((d[off + 2] & 0xff) << 8)
        | (d[off + 3] & 0xff);
  }
}

package org.voxproof.audio.internal;

import java.util.ArrayList;
import java.util.List;
import org.voxproof.audio.AudioFormatException;

/**
 * One ISO base media file format box: its type and the byte range of its body.
 *
 * @param type four-character box type
 * @param body first byte after the box header
 * @param end first byte after the box
 */
record IsoBox(String type, int body, int end) {
  // SPEC: ISO/IEC 14496-12 §4.2 box header: size(32) type(32) [largesize(64)]; size 0 = to end.

  int size() {
    return end - body;
  }

  /** The boxes directly inside {@code [from, to)}. */
  static List<IsoBox> children(byte[] b, int from, int to) throws AudioFormatException {
    List<IsoBox> out = new ArrayList<>();
    int pos = from;
    while (pos + 8 <= to) {
      long size = Bytes.be32(b, pos);
      int header = 8;
      if (size == 1) {
        Bytes.need(b, pos, 16, "box header");
        size = Bytes.be64(b, pos + 8);
        header = 16;
      } else if (size == 0) {
        size = (long) to - pos;
      }
      if (size < header) {
        throw Fail.lies("box '" + Bytes.fourcc(b, pos + 4) + "' of " + size + " bytes");
      }
      if (size > to - pos) {
        throw Fail.truncated("box '" + Bytes.fourcc(b, pos + 4) + "' extends past its parent");
      }
      out.add(new IsoBox(Bytes.fourcc(b, pos + 4), pos + header, (int) (pos + size)));
      pos += (int) size;
    }
    return out;
  }

  /** The first child of type {@code type}, or null. */
  IsoBox child(byte[] b, String type) throws AudioFormatException {
    return first(children(b, body, end), type);
  }

  static IsoBox first(List<IsoBox> boxes, String type) {
    for (IsoBox box : boxes) {
      if (box.type().equals(type)) {
        return box;
      }
    }
    return null;
  }

  /** Walks a path of first children, e.g. {@code "mdia/minf/stbl"}; null when one is missing. */
  IsoBox path(byte[] b, String path) throws AudioFormatException {
    IsoBox box = this;
    for (String t : path.split("/", -1)) {
      box = box.child(b, t);
      if (box == null) {
        return null;
      }
    }
    return box;
  }

  /** Number of table entries of {@code entrySize} bytes after an {@code offset}-byte prefix. */
  int entries(byte[] b, int offset, int entrySize) throws AudioFormatException {
    Bytes.need(b, body, offset, type + " header");
    if (offset > size()) {
      throw Fail.lies("'" + type + "' box too small");
    }
    long declared = Bytes.be32(b, body + offset - 4);
    if (declared > (size() - offset) / (long) entrySize) {
      throw Fail.lies("'" + type + "' declares more entries than it holds");
    }
    return (int) declared;
  }
}

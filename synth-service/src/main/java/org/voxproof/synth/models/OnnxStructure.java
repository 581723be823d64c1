package org.voxproof.synth.models;

/**
 * Walks the top level of a protobuf {@code onnx.ModelProto} without decoding it: every field must
 * have a known number and the wire type the schema gives it, every length must fit, and {@code
 * ir_version} (1), {@code graph} (7) and at least one {@code opset_import} (8) must be present.
 * Anything else is not ONNX. Linear in the size, no allocation per field.
 */
final class OnnxStructure {
  private static final int VARINT = 0;
  private static final int LEN = 2;

  private OnnxStructure() {}

  /** Null when well formed, else what is wrong. */
  static String problem(byte[] b) {
    boolean ir = false;
    boolean graph = false;
    boolean opset = false;
    int[] pos = {0};
    while (pos[0] < b.length) {
      int at = pos[0];
      long key = varint(b, pos);
      if (key < 0) {
        return "truncated field key at byte " + at;
      }
      int field = (int) (key >>> 3);
      int wire = (int) (key & 7);
      Integer expected = wireType(field);
      if (key >>> 3 > Integer.MAX_VALUE || expected == null) {
        return "unknown ModelProto field " + (key >>> 3) + " at byte " + at;
      }
      if (wire != expected) {
        return "field " + field + " has wire type " + wire + " at byte " + at;
      }
      if (!skip(b, pos, wire)) {
        return "field " + field + " overruns the file at byte " + at;
      }
      ir |= field == 1;
      graph |= field == 7;
      opset |= field == 8;
    }
    if (!ir || !graph || !opset) {
      return "missing " + (!ir ? "ir_version" : !graph ? "graph" : "opset_import");
    }
    return null;
  }

  // SPEC: onnx/onnx.proto3 (IR version 10) — message ModelProto field numbers.
  private static Integer wireType(int field) {
    switch (field) {
      case 1: // ir_version
      case 5: // model_version
        return VARINT;
      case 2: // producer_name
      case 3: // producer_version
      case 4: // domain
      case 6: // doc_string
      case 7: // graph
      case 8: // opset_import
      case 14: // metadata_props
      case 20: // training_info
      case 25: // functions
      case 26: // configuration
        return LEN;
      default:
        return null;
    }
  }

  private static boolean skip(byte[] b, int[] pos, int wire) {
    long v = varint(b, pos);
    if (v < 0) {
      return false;
    }
    if (wire == VARINT) {
      return true;
    }
    if (v > b.length - pos[0]) {
      return false;
    }
    pos[0] += (int) v;
    return true;
  }

  /** Reads a base-128 varint (at most 10 bytes); -1 when truncated or too long. */
  private static long varint(byte[] b, int[] pos) {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos[0] >= b.length) {
        return -1;
      }
      int x = b[pos[0]++] & 0xff;
      v |= (long) (x & 0x7f) << shift;
      if ((x & 0x80) == 0) {
        return v < 0 ? Long.MAX_VALUE : v;
      }
    }
    return -1;
  }
}

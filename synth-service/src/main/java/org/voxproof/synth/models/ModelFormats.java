package org.voxproof.synth.models;

import java.nio.charset.StandardCharsets;

/**
 * Decides from the bytes alone — never the file name — whether a file may be loaded in-process.
 * Only ONNX is accepted: a protobuf {@code ModelProto} whose top-level fields are all known, well
 * formed and include {@code ir_version}, {@code graph} and an {@code opset_import}. Pickles (any
 * protocol), PyTorch checkpoints (a zip holding {@code data.pkl}), any other zip, NumPy files and
 * everything else are refused with a message naming what was found.
 */
public final class ModelFormats {
  /** Largest model accepted (ONNX protobuf's own limit is 2 GiB). */
  public static final long MAX_MODEL_BYTES = Integer.MAX_VALUE - 8;

  private ModelFormats() {}

  /**
   * Returns normally when {@code bytes} is a well-formed ONNX model.
   *
   * @throws ModelRejectedException naming the format found
   */
  public static void requireOnnx(byte[] bytes) throws ModelRejectedException {
    String problem = OnnxStructure.problem(bytes);
    if (problem == null) {
      return; // only ONNX Runtime ever reads it, whatever else the bytes might also parse as
    }
    String executable = executableFormat(bytes);
    if (executable != null) {
      throw ModelRejectedException.format(
          executable + ": executable model formats are never loaded in-process");
    }
    throw ModelRejectedException.format("not an ONNX model: " + problem);
  }

  /** The name of a known code-carrying format, or null. */
  static String executableFormat(byte[] b) {
    if (b.length >= 2 && (b[0] & 0xff) == 0x80 && b[1] >= 2 && b[1] <= 5) {
      return "pickle (protocol " + b[1] + ")";
    }
    if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
      return contains(b, "data.pkl")
          ? "PyTorch checkpoint (zip archive with data.pkl)"
          : "zip archive";
    }
    if (b.length >= 6 && (b[0] & 0xff) == 0x93 && startsWith(b, 1, "NUMPY")) {
      return "NumPy array file (may hold pickled objects)";
    }
    if (looksLikeTextPickle(b)) {
      return "pickle (protocol 0/1)";
    }
    return null;
  }

  // SPEC: CPython Lib/pickletools.py — protocol 0/1 streams start with an opcode such as MARK '(',
  // EMPTY_DICT '}', EMPTY_LIST ']', GLOBAL 'c' and end with STOP '.'.
  private static boolean looksLikeTextPickle(byte[] b) {
    if (b.length < 2 || b[b.length - 1] != '.') {
      return false;
    }
    return "(}])cNIJKLSVdlt".indexOf(b[0]) >= 0;
  }

  private static boolean startsWith(byte[] b, int at, String s) {
    byte[] p = s.getBytes(StandardCharsets.US_ASCII);
    if (b.length < at + p.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (b[at + i] != p[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(byte[] b, String s) {
    byte[] p = s.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + p.length <= b.length; i++) {
      for (int j = 0; j < p.length; j++) {
        if (b[i + j] != p[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}

package org.voxproof.synth.engine;

/**
 * espeak-ng writes its WAV to a pipe and cannot seek back, so its RIFF and {@code data} sizes are
 * placeholders (0x7ffff024 / 0x7ffff000). When the bytes are exactly that canonical 44-byte header
 * followed by the samples, the two sizes are set to what actually arrived; anything else is left
 * alone for the decoder to judge.
 */
final class StreamedWav {
  private static final int HEADER = 44;

  private StreamedWav() {}

  static byte[] fixSizes(byte[] wav) {
    if (wav.length < HEADER
        || !ascii(wav, 0, "RIFF")
        || !ascii(wav, 8, "WAVE")
        || !ascii(wav, 12, "fmt ")
        || le32(wav, 16) != 16
        || !ascii(wav, 36, "data")) {
      return wav;
    }
    byte[] out = wav.clone();
    putLe32(out, 4, wav.length - 8L);
    putLe32(out, 40, wav.length - (long) HEADER);
    return out;
  }

  private static boolean ascii(byte[] b, int at, String s) {
    for (int i = 0; i < 4; i++) {
      if (b[at + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static long le32(byte[] b, int at) {
    return (b[at] & 0xffL)
        | (b[at + 1] & 0xffL) << 8
        | (b[at + 2] & 0xffL) << 16
        | (b[at + 3] & 0xffL) << 24;
  }

  private static void putLe32(byte[] b, int at, long v) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (v >>> (8 * i));
    }
  }
}

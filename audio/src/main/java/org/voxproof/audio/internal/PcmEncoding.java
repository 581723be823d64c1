package org.voxproof.audio.internal;

/** Uncompressed sample encodings shared by the WAV and AIFF parsers. */
public enum PcmEncoding {
  U8(1, "pcm_u8"),
  S8(1, "pcm_s8"),
  S16(2, "pcm_s16"),
  S24(3, "pcm_s24"),
  S32(4, "pcm_s32"),
  F32(4, "pcm_f32"),
  F64(8, "pcm_f64"),
  ALAW(1, "pcm_alaw"),
  MULAW(1, "pcm_mulaw");

  private final int bytes;
  private final String codec;

  PcmEncoding(int bytes, String codec) {
    this.bytes = bytes;
    this.codec = codec;
  }

  public int bytes() {
    return bytes;
  }

  /** ffmpeg-style codec name, with the byte order for multi-byte encodings. */
  public String codecName(boolean bigEndian) {
    return bytes == 1 ? codec : codec + (bigEndian ? "be" : "le");
  }

  /** Integer PCM encoding for a container of {@code bytes} bytes, or null. */
  public static PcmEncoding integer(int bytes, boolean unsigned8) {
    return switch (bytes) {
      case 1 -> unsigned8 ? U8 : S8;
      case 2 -> S16;
      case 3 -> S24;
      case 4 -> S32;
      default -> null;
    };
  }

  /** IEEE float encoding for a container of {@code bytes} bytes, or null. */
  public static PcmEncoding floating(int bytes) {
    return switch (bytes) {
      case 4 -> F32;
      case 8 -> F64;
      default -> null;
    };
  }

  /** {@code law} when samples are one byte, else null. */
  public static PcmEncoding g711(int bytes, PcmEncoding law) {
    return bytes == 1 ? law : null;
  }
}

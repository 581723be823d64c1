package org.voxproof.audio.internal;

/** Converts interleaved uncompressed samples to per-channel floats; the WAV/AIFF hot loop. */
public final class PcmDecode {
  private static final float[] ALAW = new float[256];
  private static final float[] MULAW = new float[256];

  static {
    for (int i = 0; i < 256; i++) {
      ALAW[i] = alaw(i) / 32768f;
      MULAW[i] = mulaw(i) / 32768f;
    }
  }

  private PcmDecode() {}

  // SPEC: ITU-T G.711 (11/88) Table 1a/2a, A-law expansion (even bits inverted, sign bit 1 = +).
  static int alaw(int code) {
    int a = code ^ 0x55;
    int t = (a & 0x0f) << 4;
    int seg = (a & 0x70) >> 4;
    t += seg == 0 ? 8 : 0x108;
    if (seg > 1) {
      t <<= seg - 1;
    }
    return (a & 0x80) != 0 ? t : -t;
  }

  // SPEC: ITU-T G.711 (11/88) Table 1b/2b, mu-law expansion with bias 0x84 (all bits inverted).
  static int mulaw(int code) {
    int u = ~code & 0xff;
    int t = ((u & 0x0f) << 3) + 0x84;
    t <<= (u & 0x70) >> 4;
    return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
  }

  /** Decodes {@code frames} frames of {@code channels} channels starting at {@code off}. */
  public static float[][] decode(
      byte[] b, int off, int frames, int channels, PcmEncoding enc, boolean bigEndian) {
    float[][] out = new float[channels][frames];
    int stride = enc.bytes() * channels;
    for (int c = 0; c < channels; c++) {
      decodeChannel(b, off + c * enc.bytes(), stride, out[c], enc, bigEndian);
    }
    return out;
  }

  private static void decodeChannel(
      byte[] b, int p, int stride, float[] out, PcmEncoding enc, boolean be) {
    int n = out.length;
    switch (enc) {
      case U8 -> {
        for (int i = 0; i < n; i++, p += stride) {
          out[i] = ((b[p] & 0xff) - 128) * (1f / 128f);
        }
      }
      case S8 -> {
        for (int i = 0; i < n; i++, p += stride) {
          out[i] = b[p] * (1f / 128f);
        }
      }
      case ALAW, MULAW -> {
        float[] table = enc == PcmEncoding.ALAW ? ALAW : MULAW;
        for (int i = 0; i < n; i++, p += stride) {
          out[i] = table[b[p] & 0xff];
        }
      }
      case S16 -> s16(b, p, stride, out, be);
      case S24 -> s24(b, p, stride, out, be);
      case S32 -> s32(b, p, stride, out, be);
      case F32 -> f32(b, p, stride, out, be);
      case F64 -> f64(b, p, stride, out, be);
    }
  }

  private static void s16(byte[] b, int p, int stride, float[] out, boolean be) {
    int hi = be ? 0 : 1;
    int lo = 1 - hi;
    for (int i = 0; i < out.length; i++, p += stride) {
      out[i] = (short) ((b[p + hi] << 8) | (b[p + lo] & 0xff)) * (1f / 32768f);
    }
  }

  private static void s24(byte[] b, int p, int stride, float[] out, boolean be) {
    int o0 = be ? 2 : 0;
    int o2 = be ? 0 : 2;
    for (int i = 0; i < out.length; i++, p += stride) {
      int v = (b[p + o2] << 16) | ((b[p + 1] & 0xff) << 8) | (b[p + o0] & 0xff);
      out[i] = v * (1f / 8388608f);
    }
  }

  private static int int32(byte[] b, int p, boolean be) {
    if (be) {
      return (b[p] << 24)
          | ((b[p + 1] & 0xff) << 16)
          | ((b[p + 2] & 0xff) << 8)
          | (b[p + 3] & 0xff);
    }
    return (b[p + 3] << 24) | ((b[p + 2] & 0xff) << 16) | ((b[p + 1] & 0xff) << 8) | (b[p] & 0xff);
  }

  private static void s32(byte[] b, int p, int stride, float[] out, boolean be) {
    for (int i = 0; i < out.length; i++, p += stride) {
      out[i] = (float) (int32(b, p, be) * (1.0 / 2147483648.0));
    }
  }

  private static void f32(byte[] b, int p, int stride, float[] out, boolean be) {
    for (int i = 0; i < out.length; i++, p += stride) {
      out[i] = clean(Float.intBitsToFloat(int32(b, p, be)));
    }
  }

  private static void f64(byte[] b, int p, int stride, float[] out, boolean be) {
    for (int i = 0; i < out.length; i++, p += stride) {
      long hi = int32(b, be ? p : p + 4, be) & 0xffffffffL;
      long lo = int32(b, be ? p + 4 : p, be) & 0xffffffffL;
      out[i] = clean((float) Double.longBitsToDouble((hi << 32) | lo));
    }
  }

  /** NaN and infinities in float PCM become silence and full scale. */
  private static float clean(float v) {
    if (Float.isNaN(v)) {
      return 0f;
    }
    return Math.max(-1f, Math.min(1f, v));
  }
}

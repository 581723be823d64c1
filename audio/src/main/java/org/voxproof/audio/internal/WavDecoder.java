package org.voxproof.audio.internal;

import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioInfo;
import org.voxproof.audio.AudioLimits;
import org.voxproof.audio.DecodedAudio;

/**
 * RIFF/WAVE parser: PCM 8/16/24/32-bit, IEEE float 32/64, A-law, mu-law, WAVE_FORMAT_EXTENSIBLE.
 *
 * <p>A {@code data} chunk that declares more bytes than the file holds is {@code truncated} (the
 * file was cut short); {@code 0} or {@code 0xFFFFFFFF} there means "until end of file" (streaming
 * writers) and is accepted. Fields that contradict each other are {@code header_lies}.
 */
public final class WavDecoder {
  // SPEC: Microsoft/IBM "Multimedia Programming Interface and Data Specifications 1.0" (1991),
  // RIFF chunks and WAVEFORMATEX; mmreg.h format tags; ksmedia.h KSDATAFORMAT_SUBTYPE GUIDs.
  static final int PCM = 1;
  static final int IEEE_FLOAT = 3;
  static final int ALAW = 6;
  static final int MULAW = 7;
  static final int EXTENSIBLE = 0xFFFE;
  // SPEC: ksmedia.h, subformat GUID tail {xxxxxxxx-0000-0010-8000-00AA00389B71}.
  private static final byte[] GUID_TAIL = {
    0x00,
    0x00,
    0x00,
    0x00,
    0x10,
    0x00,
    (byte) 0x80,
    0x00,
    0x00,
    (byte) 0xAA,
    0x00,
    0x38,
    (byte) 0x9B,
    0x71
  };

  private WavDecoder() {}

  record Fmt(int tag, int channels, int sampleRate, int blockAlign, int bits, boolean ext) {}

  public static DecodedAudio decode(byte[] b, AudioLimits limits) throws AudioFormatException {
    Bytes.need(b, 0, 12, "RIFF header");
    if (!Bytes.ascii(b, 0, "RIFF") || !Bytes.ascii(b, 8, "WAVE")) {
      throw Fail.unsupported("RIFF form other than little-endian WAVE");
    }
    Fmt fmt = null;
    long dataOff = -1;
    long dataLen = -1;
    long pos = 12;
    while (pos + 8 <= b.length && (fmt == null || dataOff < 0)) {
      int p = (int) pos;
      long size = Bytes.le32(b, p + 4);
      long body = pos + 8;
      long left = b.length - body;
      if (Bytes.ascii(b, p, "data")) {
        dataOff = body;
        dataLen = dataLength(size, left);
        size = dataLen;
      } else {
        Bytes.need(b, body, size, "chunk '" + Bytes.fourcc(b, p) + "'");
        if (Bytes.ascii(b, p, "fmt ") && fmt == null) {
          fmt = parseFmt(b, (int) body, (int) size);
        }
      }
      pos = body + size + (size & 1);
    }
    if (fmt == null) {
      throw Fail.truncated("no 'fmt ' chunk before the end of the file");
    }
    if (dataOff < 0) {
      throw Fail.truncated("no 'data' chunk before the end of the file");
    }
    return pcm(b, fmt, (int) dataOff, dataLen, limits);
  }

  private static long dataLength(long declared, long left) throws AudioFormatException {
    if (declared == 0 || declared == 0xFFFFFFFFL) {
      return left; // streamed: size unknown when the header was written
    }
    if (declared > left) {
      throw Fail.truncated(
          "data chunk declares " + declared + " bytes but the file has " + left + " left");
    }
    return declared;
  }

  static Fmt parseFmt(byte[] b, int p, int size) throws AudioFormatException {
    if (size < 16) {
      throw Fail.lies("'fmt ' chunk of " + size + " bytes (at least 16 required)");
    }
    int tag = Bytes.le16(b, p);
    int channels = Bytes.le16(b, p + 2);
    long rate = Bytes.le32(b, p + 4);
    int blockAlign = Bytes.le16(b, p + 12);
    int bits = Bytes.le16(b, p + 14);
    boolean ext = false;
    if (tag == EXTENSIBLE) {
      if (size < 40 || Bytes.le16(b, p + 16) < 22) {
        throw Fail.lies("WAVE_FORMAT_EXTENSIBLE with a short extension");
      }
      for (int i = 0; i < GUID_TAIL.length; i++) {
        if (b[p + 26 + i] != GUID_TAIL[i]) {
          throw Fail.unsupported("WAVE_FORMAT_EXTENSIBLE with a non-standard subformat GUID");
        }
      }
      tag = Bytes.le16(b, p + 24);
      ext = true;
    }
    int sampleRate = rate > Integer.MAX_VALUE ? -1 : (int) rate;
    return new Fmt(tag, channels, sampleRate, blockAlign, bits, ext);
  }

  static PcmEncoding encoding(Fmt f) throws AudioFormatException {
    if (f.channels() == 0 || f.blockAlign() == 0 || f.blockAlign() % f.channels() != 0) {
      throw Fail.lies(
          "block align " + f.blockAlign() + " does not fit " + f.channels() + " channels");
    }
    int bytes = f.blockAlign() / f.channels();
    if (f.bits() == 0 || f.bits() > bytes * 8) {
      throw Fail.lies(f.bits() + " bits per sample in a " + bytes + "-byte container");
    }
    PcmEncoding enc =
        switch (f.tag()) {
          case PCM -> PcmEncoding.integer(bytes, true);
          case IEEE_FLOAT -> PcmEncoding.floating(bytes);
          case ALAW -> PcmEncoding.g711(bytes, PcmEncoding.ALAW);
          case MULAW -> PcmEncoding.g711(bytes, PcmEncoding.MULAW);
          default -> throw Fail.unsupported("WAV format tag 0x" + Integer.toHexString(f.tag()));
        };
    if (enc == null) {
      throw Fail.unsupported("WAV format tag " + f.tag() + " with " + bytes + "-byte samples");
    }
    return enc;
  }

  private static DecodedAudio pcm(byte[] b, Fmt f, int off, long len, AudioLimits limits)
      throws AudioFormatException {
    PcmEncoding enc = encoding(f);
    Check.params(limits, f.sampleRate(), f.channels());
    long frames = len / f.blockAlign();
    if (frames == 0) {
      throw Fail.empty("WAV data chunk holds no complete frame");
    }
    Check.frames(limits, frames, f.sampleRate(), f.channels());
    float[][] ch = PcmDecode.decode(b, off, (int) frames, f.channels(), enc, false);
    String codec = enc.codecName(false);
    AudioInfo info =
        new AudioInfo("wav", codec, f.sampleRate(), f.channels(), frames / (double) f.sampleRate());
    return new DecodedAudio(info, ch);
  }
}

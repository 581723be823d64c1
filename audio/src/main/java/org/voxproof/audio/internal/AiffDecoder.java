package org.voxproof.audio.internal;

import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioInfo;
import org.voxproof.audio.AudioLimits;
import org.voxproof.audio.DecodedAudio;

/**
 * AIFF and AIFF-C parser (uncompressed, 'sowt', float, A-law, mu-law). A COMM chunk declaring more
 * frames than the SSND chunk holds is {@code truncated}.
 */
public final class AiffDecoder {
  // SPEC: Apple "Audio Interchange File Format: AIFF" 1.3 (1989); "AIFF-C" draft (1991-08-26).
  private AiffDecoder() {}

  record Comm(
      int channels, long frames, int bits, int sampleRate, PcmEncoding enc, boolean bigEndian) {}

  public static DecodedAudio decode(byte[] b, AudioLimits limits) throws AudioFormatException {
    Bytes.need(b, 0, 12, "FORM header");
    boolean aifc = Bytes.ascii(b, 8, "AIFC");
    if (!Bytes.ascii(b, 0, "FORM") || !(aifc || Bytes.ascii(b, 8, "AIFF"))) {
      throw Fail.unsupported("IFF form other than AIFF/AIFC");
    }
    Comm comm = null;
    int ssnd = -1;
    long ssndLen = 0;
    long pos = 12;
    while (pos + 8 <= b.length && (comm == null || ssnd < 0)) {
      int p = (int) pos;
      long size = Bytes.be32(b, p + 4);
      long body = pos + 8;
      if (Bytes.ascii(b, p, "SSND")) {
        Bytes.need(b, body, 8, "SSND header");
        long offset = Bytes.be32(b, (int) body);
        long avail = Math.min(size, b.length - body) - 8 - offset;
        ssnd = (int) Math.min(b.length, body + 8 + offset);
        ssndLen = Math.max(0, avail);
      } else {
        Bytes.need(b, body, size, "chunk '" + Bytes.fourcc(b, p) + "'");
        if (Bytes.ascii(b, p, "COMM") && comm == null) {
          comm = parseComm(b, (int) body, (int) size, aifc);
        }
      }
      pos = body + size + (size & 1);
    }
    if (comm == null) {
      throw Fail.truncated("no COMM chunk before the end of the file");
    }
    if (ssnd < 0) {
      if (comm.frames() == 0) {
        throw Fail.empty("AIFF with zero sample frames");
      }
      throw Fail.truncated("no SSND chunk before the end of the file");
    }
    return pcm(b, comm, ssnd, ssndLen, limits);
  }

  private static Comm parseComm(byte[] b, int p, int size, boolean aifc)
      throws AudioFormatException {
    if (size < (aifc ? 22 : 18)) {
      throw Fail.lies("COMM chunk of " + size + " bytes");
    }
    int channels = Bytes.be16(b, p);
    long frames = Bytes.be32(b, p + 2);
    int bits = Bytes.be16(b, p + 6);
    int rate = extended(b, p + 8);
    String comp = aifc ? Bytes.fourcc(b, p + 18) : "NONE";
    if (bits == 0 || bits > 32) {
      throw Fail.lies(bits + " bits per sample");
    }
    int bytes = (bits + 7) / 8;
    PcmEncoding enc;
    boolean be = true;
    switch (comp) {
      case "NONE", "twos" -> enc = PcmEncoding.integer(bytes, false);
      case "sowt" -> {
        enc = PcmEncoding.integer(bytes, false);
        be = false;
      }
      case "raw " -> enc = bytes == 1 ? PcmEncoding.U8 : null;
      case "fl32", "FL32" -> enc = PcmEncoding.F32;
      case "fl64", "FL64" -> enc = PcmEncoding.F64;
      case "alaw", "ALAW" -> enc = PcmEncoding.ALAW;
      case "ulaw", "ULAW" -> enc = PcmEncoding.MULAW;
      default -> throw Fail.unsupported("AIFF-C compression '" + comp + "'");
    }
    if (enc == null) {
      throw Fail.unsupported("AIFF-C '" + comp + "' with " + bits + " bits");
    }
    return new Comm(channels, frames, bits, rate, enc, be);
  }

  // SPEC: AIFF 1.3 §"COMM", sampleRate as an 80-bit IEEE 754 extended float (Apple SANE).
  static int extended(byte[] b, int p) {
    int exp = Bytes.be16(b, p) & 0x7fff;
    boolean negative = (b[p] & 0x80) != 0;
    long mantissa = Bytes.be64(b, p + 2);
    int shift = exp - 16383 - 63;
    if (negative || mantissa == 0 || exp == 0x7fff || shift < -63 || shift > -33) {
      return mantissa == 0 && exp == 0 ? 0 : -1;
    }
    return (int) (mantissa >>> -shift);
  }

  private static DecodedAudio pcm(byte[] b, Comm c, int off, long len, AudioLimits limits)
      throws AudioFormatException {
    Check.params(limits, c.sampleRate(), c.channels());
    int frameBytes = c.enc().bytes() * c.channels();
    long avail = len / frameBytes;
    if (c.frames() > avail) {
      throw Fail.truncated("COMM declares " + c.frames() + " frames but SSND holds " + avail);
    }
    if (c.frames() == 0) {
      throw Fail.empty("AIFF with zero sample frames");
    }
    Check.frames(limits, c.frames(), c.sampleRate(), c.channels());
    float[][] ch = PcmDecode.decode(b, off, (int) c.frames(), c.channels(), c.enc(), c.bigEndian());
    String codec = c.enc().codecName(c.bigEndian());
    double seconds = c.frames() / (double) c.sampleRate();
    return new DecodedAudio(
        new AudioInfo("aiff", codec, c.sampleRate(), c.channels(), seconds), ch);
  }
}

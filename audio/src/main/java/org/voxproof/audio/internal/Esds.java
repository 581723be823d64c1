package org.voxproof.audio.internal;

import java.util.Arrays;
import org.voxproof.audio.AudioFormatException;

/** The AAC AudioSpecificConfig from an MP4 'stsd' box ('mp4a' entry, 'esds' child). */
final class Esds {
  // SPEC: ISO/IEC 14496-12 §12.2.3 AudioSampleEntry (28 bytes after the 8-byte box header);
  // QuickTime sound description v1 (+16) and v2 (+36); ISO/IEC 14496-1 §7.2.2.3 descriptor sizes.
  private static final int TAG_ES = 3;
  private static final int TAG_DECODER_CONFIG = 4;
  private static final int TAG_DECODER_SPECIFIC = 5;

  private Esds() {}

  static byte[] audioSpecificConfig(byte[] b, IsoBox stsd) throws AudioFormatException {
    IsoBox entry = IsoBox.first(IsoBox.children(b, stsd.body() + 8, stsd.end()), "mp4a");
    if (entry == null) {
      IsoBox any =
          IsoBox.children(b, stsd.body() + 8, stsd.end()).stream().findFirst().orElse(null);
      throw Fail.unsupported("MP4 audio codec '" + (any == null ? "none" : any.type()) + "'");
    }
    Bytes.need(b, entry.body(), 28, "mp4a entry");
    int version = Bytes.be16(b, entry.body() + 8);
    int skip = 28 + (version == 1 ? 16 : version == 2 ? 36 : 0);
    if (skip > entry.size()) {
      throw Fail.lies("mp4a entry too small");
    }
    IsoBox esds = IsoBox.first(IsoBox.children(b, entry.body() + skip, entry.end()), "esds");
    if (esds == null) {
      throw Fail.lies("mp4a entry without 'esds'");
    }
    return fromDescriptors(b, esds.body() + 4, esds.end());
  }

  private static byte[] fromDescriptors(byte[] b, int pos, int end) throws AudioFormatException {
    while (pos + 2 <= end) {
      int tag = b[pos++] & 0xff;
      int len = 0;
      for (int i = 0; i < 4 && pos < end; i++) {
        int v = b[pos++] & 0xff;
        len = (len << 7) | (v & 0x7f);
        if ((v & 0x80) == 0) {
          break;
        }
      }
      if (len > end - pos) {
        throw Fail.lies("esds descriptor longer than its box");
      }
      switch (tag) {
        case TAG_ES -> pos = esBody(b, pos, pos + len);
        case TAG_DECODER_CONFIG -> {
          if (len < 13) {
            throw Fail.lies("DecoderConfigDescriptor of " + len + " bytes");
          }
          int oti = b[pos] & 0xff;
          if (oti != 0x40 && (oti < 0x66 || oti > 0x68)) {
            throw Fail.unsupported("MP4 audio object type 0x" + Integer.toHexString(oti));
          }
          pos += 13;
        }
        case TAG_DECODER_SPECIFIC -> {
          return Arrays.copyOfRange(b, pos, pos + len);
        }
        default -> pos += len;
      }
    }
    throw Fail.lies("esds without a DecoderSpecificInfo");
  }

  // SPEC: ISO/IEC 14496-1 §7.2.6.5 ES_Descriptor: ES_ID(16), flags(8), optional fields.
  private static int esBody(byte[] b, int pos, int end) throws AudioFormatException {
    Bytes.need(b, pos, 3, "ES_Descriptor");
    int flags = b[pos + 2] & 0xff;
    pos += 3;
    if ((flags & 0x80) != 0) {
      pos += 2;
    }
    if ((flags & 0x40) != 0 && pos < end) {
      pos += 1 + (b[pos] & 0xff);
    }
    if ((flags & 0x20) != 0) {
      pos += 2;
    }
    if (pos > end) {
      throw Fail.lies("ES_Descriptor longer than declared");
    }
    return pos;
  }
}

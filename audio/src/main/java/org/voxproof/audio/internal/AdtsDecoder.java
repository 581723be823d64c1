package org.voxproof.audio.internal;

import java.util.Arrays;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioInfo;
import org.voxproof.audio.AudioLimits;
import org.voxproof.audio.DecodedAudio;

/**
 * AAC in ADTS frames. ADTS declares no encoder delay, so the duration includes the encoder's
 * priming samples (typically 1024) and the last frame's padding.
 */
public final class AdtsDecoder {
  // SPEC: ISO/IEC 13818-7 §6.2.1 adts_fixed_header, §6.2.2 adts_variable_header.
  private AdtsDecoder() {}

  public static DecodedAudio decode(byte[] b, AudioLimits limits) throws AudioFormatException {
    return decode(b, LameTag.skipId3(b), limits);
  }

  static DecodedAudio decode(byte[] b, int pos, AudioLimits limits) throws AudioFormatException {
    AacDecoder dec = null;
    int fixed = -1;
    while (pos + 7 <= b.length) {
      if ((b[pos] & 0xff) != 0xff || (b[pos + 1] & 0xf6) != 0xf0) {
        throw Fail.lies("lost ADTS sync at byte " + pos);
      }
      int header = (b[pos + 1] & 0x01) != 0 ? 7 : 9;
      int len =
          ((b[pos + 3] & 0x03) << 11) | ((b[pos + 4] & 0xff) << 3) | ((b[pos + 5] & 0xff) >> 5);
      if (len < header) {
        throw Fail.lies("ADTS frame length " + len);
      }
      if (pos + len > b.length) {
        break; // a cut-off last frame is dropped
      }
      int profile = (b[pos + 2] & 0xc0) >> 6;
      int freq = (b[pos + 2] & 0x3c) >> 2;
      int chan = ((b[pos + 2] & 0x01) << 2) | ((b[pos + 3] & 0xc0) >> 6);
      int key = (profile << 8) | (freq << 4) | chan;
      if (dec == null) {
        fixed = key;
        dec = AacDecoder.create(AacDecoder.audioSpecificConfig(profile + 1, freq, chan), limits);
      } else if (key != fixed) {
        throw Fail.lies("ADTS fixed header changes mid-stream");
      }
      dec.decode(Arrays.copyOfRange(b, pos + header, pos + len));
      pos += len;
    }
    if (dec == null) {
      throw Fail.truncated("no complete ADTS frame");
    }
    return finish(dec, "aac");
  }

  static DecodedAudio finish(AacDecoder dec, String format) throws AudioFormatException {
    PcmBuffer pcm = dec.pcm();
    if (pcm == null || pcm.frames() == 0) {
      throw Fail.empty("AAC stream without audio");
    }
    int rate = dec.sampleRate();
    AudioInfo info =
        new AudioInfo(format, "aac", rate, pcm.channels(), pcm.frames() / (double) rate);
    return new DecodedAudio(info, pcm.all());
  }
}

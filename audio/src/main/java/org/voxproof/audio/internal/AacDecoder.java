package org.voxproof.audio.internal;

import java.util.List;
import net.sourceforge.jaad.aac.Decoder;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioLimits;

/** Raw AAC access units through JAAD (javasound-aac), into a {@link PcmBuffer}. */
final class AacDecoder {
  /** JAAD emits samples scaled to 16-bit range. */
  private static final float SCALE = 1f / 32768f;

  private final Decoder decoder;
  private final AudioLimits limits;
  private PcmBuffer pcm;
  private int rate;

  private AacDecoder(Decoder decoder, AudioLimits limits) {
    this.decoder = decoder;
    this.limits = limits;
  }

  /** A decoder for the given AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1). */
  static AacDecoder create(byte[] asc, AudioLimits limits) throws AudioFormatException {
    try {
      return new AacDecoder(Decoder.create(asc), limits);
    } catch (Exception e) {
      throw Fail.unsupported("AAC configuration not decodable: " + e.getClass().getSimpleName());
    }
  }

  void decode(byte[] accessUnit) throws AudioFormatException {
    try {
      decoder.decodeFrame(accessUnit, this::accept);
    } catch (Fail.Abort a) {
      throw a.failure();
    } catch (RuntimeException | StackOverflowError e) {
      throw Fail.corrupt("AAC", e);
    }
  }

  private void accept(List<float[]> channels, int length, int frequency) {
    if (pcm == null) {
      try {
        Check.params(limits, frequency, channels.size());
      } catch (AudioFormatException e) {
        throw new Fail.Abort(e);
      }
      rate = frequency;
      pcm = new PcmBuffer(limits, frequency, channels.size());
    }
    int n = length;
    for (float[] c : channels) {
      n = Math.min(n, c.length);
    }
    pcm.append(channels.toArray(new float[0][]), null, n, SCALE);
  }

  /** Decoded audio so far, or null when no access unit produced samples. */
  PcmBuffer pcm() {
    return pcm;
  }

  int sampleRate() {
    return rate;
  }

  // SPEC: ISO/IEC 14496-3 §1.6.2.1 AudioSpecificConfig: objectType(5) freqIndex(4) channels(4).
  static byte[] audioSpecificConfig(int objectType, int freqIndex, int channelConfig) {
    return new byte[] {
      (byte) ((objectType << 3) | (freqIndex >> 1)),
      (byte) (((freqIndex & 1) << 7) | (channelConfig << 3))
    };
  }
}

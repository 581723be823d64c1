package org.voxproof.audio.internal;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sourceforge.jaad.aac.Decoder;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioLimits;

/** Raw AAC access units through JAAD (javasound-aac), into a {@link PcmBuffer}. */
final class AacDecoder {
  /**
   * JAAD logs every stream error with a stack trace through java.util.logging; we report errors as
   * exceptions instead, so its logger is silenced (held here: JUL keeps loggers weakly).
   */
  private static final Logger JAAD_LOG = Logger.getLogger("net.sourceforge.jaad");

  static {
    JAAD_LOG.setLevel(Level.OFF);
  }

  /** JAAD emits samples scaled to 16-bit range. */
  private static final float SCALE = 1f / 32768f;

  private final Decoder decoder;
  private final AudioLimits limits;
  private final int declaredChannels;
  private PcmBuffer pcm;
  private int rate;

  private AacDecoder(Decoder decoder, AudioLimits limits, int declaredChannels) {
    this.decoder = decoder;
    this.limits = limits;
    this.declaredChannels = declaredChannels;
  }

  /** A decoder for the given AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1). */
  static AacDecoder create(byte[] asc, AudioLimits limits) throws AudioFormatException {
    try {
      return new AacDecoder(Decoder.create(asc), limits, channelConfig(asc));
    } catch (Exception e) {
      throw Fail.unsupported("AAC configuration not decodable: " + e.getClass().getSimpleName());
    }
  }

  void decode(byte[] accessUnit) throws AudioFormatException {
    try {
      decoder.decodeFrame(accessUnit, this::accept);
    } catch (Fail.Abort a) {
      throw a.failure();
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
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
      int n = channels.size();
      // JAAD upmixes mono to two equal channels; keep the channels the stream declares.
      pcm =
          new PcmBuffer(
              limits, frequency, declaredChannels > 0 ? Math.min(n, declaredChannels) : n);
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

  /** channelConfiguration of an AudioSpecificConfig (0 = in a PCE, or unknown). */
  static int channelConfig(byte[] asc) {
    if (asc.length < 2) {
      return 0;
    }
    int bit = 5;
    if (((asc[0] & 0xff) >> 3) == 31) {
      bit += 6; // escaped audioObjectType
    }
    int freqIndex = bits(asc, bit, 4);
    bit += freqIndex == 15 ? 28 : 4;
    return bits(asc, bit, 4);
  }

  private static int bits(byte[] b, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      int byteIndex = i >> 3;
      int bit = byteIndex < b.length ? (b[byteIndex] >> (7 - (i & 7))) & 1 : 0;
      v = (v << 1) | bit;
    }
    return v;
  }

  // SPEC: ISO/IEC 14496-3 §1.6.2.1 AudioSpecificConfig: objectType(5) freqIndex(4) channels(4).
  static byte[] audioSpecificConfig(int objectType, int freqIndex, int channelConfig) {
    return new byte[] {
      (byte) ((objectType << 3) | (freqIndex >> 1)),
      (byte) (((freqIndex & 1) << 7) | (channelConfig << 3))
    };
  }
}

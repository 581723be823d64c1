package org.voxproof.audio.internal;

import io.github.jaredmdobson.concentus.OpusException;
import java.util.List;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioInfo;
import org.voxproof.audio.AudioLimits;
import org.voxproof.audio.DecodedAudio;

/**
 * Ogg Opus through concentus, at 48 kHz. Honours pre-skip, output gain and end trimming by the last
 * granule position.
 */
final class OpusDecoder {
  // SPEC: RFC 7845 §5.1 identification header; §4.2 pre-skip; §4.5 end trimming; RFC 6716.
  private static final int RATE = 48_000;
  private static final int MAX_FRAME = 5760; // 120 ms at 48 kHz, RFC 6716 §3.2.5

  private OpusDecoder() {}

  static DecodedAudio decode(List<OggDecoder.Packet> packets, AudioLimits limits)
      throws AudioFormatException {
    byte[] head = packets.get(0).data();
    if (head.length < 19) {
      throw Fail.lies("OpusHead shorter than 19 bytes");
    }
    if ((head[8] & 0xf0) != 0) {
      throw Fail.unsupported("Opus header version " + head[8]);
    }
    int channels = Bytes.u8(head, 9);
    int preSkip = Bytes.le16(head, 10);
    int gainQ8 = (short) Bytes.le16(head, 16);
    if (head[18] != 0) {
      throw Fail.unsupported("Opus channel mapping family " + head[18]);
    }
    Check.params(limits, RATE, channels);
    if (channels > 2) {
      throw Fail.lies("Opus mapping family 0 with " + channels + " channels");
    }
    PcmBuffer pcm = decodePackets(packets, channels, limits);
    long end = OggDecoder.lastGranule(packets);
    long keep = end >= 0 ? end - preSkip : pcm.frames() - preSkip;
    if (keep <= 0 || pcm.frames() <= preSkip) {
      throw Fail.empty("Opus stream shorter than its pre-skip");
    }
    float[][] ch = pcm.slice(preSkip, keep);
    applyGain(ch, gainQ8);
    AudioInfo info = new AudioInfo("ogg", "opus", RATE, channels, ch[0].length / (double) RATE);
    return new DecodedAudio(info, ch);
  }

  private static PcmBuffer decodePackets(
      List<OggDecoder.Packet> packets, int channels, AudioLimits limits)
      throws AudioFormatException {
    PcmBuffer pcm = new PcmBuffer(limits, RATE, channels);
    short[] out = new short[MAX_FRAME * channels];
    try {
      io.github.jaredmdobson.concentus.OpusDecoder dec =
          new io.github.jaredmdobson.concentus.OpusDecoder(RATE, channels);
      for (int i = 2; i < packets.size(); i++) {
        byte[] p = packets.get(i).data();
        if (p.length == 0) {
          continue;
        }
        int n = dec.decode(p, 0, p.length, out, 0, MAX_FRAME, false);
        pcm.appendInterleaved(out, n, channels);
      }
    } catch (Fail.Abort a) {
      throw a.failure();
    } catch (OpusException | RuntimeException | AssertionError | StackOverflowError e) {
      throw Fail.corrupt("Opus", e);
    }
    return pcm;
  }

  // SPEC: RFC 7845 §5.1 output gain, Q7.8 dB.
  private static void applyGain(float[][] ch, int gainQ8) {
    if (gainQ8 == 0) {
      return;
    }
    float g = (float) Math.pow(10, gainQ8 / (20.0 * 256));
    for (float[] c : ch) {
      for (int i = 0; i < c.length; i++) {
        c[i] = Math.max(-1f, Math.min(1f, c[i] * g));
      }
    }
  }
}

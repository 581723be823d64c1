package org.voxproof.audio.internal;

import com.jcraft.jogg.Packet;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import java.util.List;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioInfo;
import org.voxproof.audio.AudioLimits;
import org.voxproof.audio.DecodedAudio;

/** Ogg Vorbis through JOrbis; the stream ends at the last page's granule position. */
final class VorbisDecoder {
  // SPEC: Vorbis I specification §4.2 (headers), §A.2 (granule position = last PCM sample).
  private VorbisDecoder() {}

  static DecodedAudio decode(List<OggDecoder.Packet> packets, AudioLimits limits)
      throws AudioFormatException {
    if (packets.size() < 3) {
      throw Fail.truncated("Vorbis stream without its three header packets");
    }
    VorbisHeaders.checkIdentification(packets.get(0).data(), limits);
    VorbisHeaders.checkSetup(packets.get(2).data());
    try {
      return run(packets, limits);
    } catch (Fail.Abort a) {
      throw a.failure();
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      throw Fail.corrupt("Vorbis", e);
    } catch (OutOfMemoryError e) {
      // Last resort: JOrbis sized a table from a header value that passed our checks.
      throw new AudioFormatException(
          AudioFormatException.Reason.TOO_LARGE, "Vorbis stream needs too much decoder memory");
    }
  }

  private static DecodedAudio run(List<OggDecoder.Packet> packets, AudioLimits limits)
      throws AudioFormatException {
    Info info = new Info();
    Comment comment = new Comment();
    info.init();
    comment.init();
    for (int i = 0; i < 3; i++) {
      OggDecoder.Packet p = packets.get(i);
      if (i == 1) {
        p = new OggDecoder.Packet(VorbisHeaders.EMPTY_COMMENT, p.granule(), false);
      }
      if (info.synthesis_headerin(comment, packet(p, i)) < 0) {
        throw Fail.lies("invalid Vorbis header packet " + i);
      }
    }
    Check.params(limits, info.rate, info.channels);
    DspState dsp = new DspState();
    dsp.synthesis_init(info);
    Block block = new Block(dsp);
    PcmBuffer pcm = new PcmBuffer(limits, info.rate, info.channels);
    float[][][] out = new float[1][][];
    int[] index = new int[info.channels];
    for (int i = 3; i < packets.size(); i++) {
      if (block.synthesis(packet(packets.get(i), i)) == 0) {
        dsp.synthesis_blockin(block);
      }
      for (int n = dsp.synthesis_pcmout(out, index); n > 0; n = dsp.synthesis_pcmout(out, index)) {
        pcm.append(out[0], index, n, 1f);
        dsp.synthesis_read(n);
      }
    }
    long end = OggDecoder.lastGranule(packets);
    long keep = end >= 0 ? Math.min(end, pcm.frames()) : pcm.frames();
    if (keep <= 0) {
      throw Fail.empty("Vorbis stream without audio");
    }
    float[][] ch = pcm.slice(0, keep);
    double seconds = ch[0].length / (double) info.rate;
    return new DecodedAudio(new AudioInfo("ogg", "vorbis", info.rate, info.channels, seconds), ch);
  }

  private static Packet packet(OggDecoder.Packet p, int number) {
    Packet jp = new Packet();
    jp.packet_base = p.data();
    jp.packet = 0;
    jp.bytes = p.data().length;
    jp.b_o_s = number == 0 ? 1 : 0;
    jp.e_o_s = p.endOfStream() ? 1 : 0;
    jp.granulepos = p.granule();
    jp.packetno = number;
    return jp;
  }
}

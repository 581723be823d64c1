package org.voxproof.audio.internal;

import java.io.ByteArrayInputStream;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioInfo;
import org.voxproof.audio.AudioLimits;
import org.voxproof.audio.DecodedAudio;

/**
 * MPEG-1/2/2.5 audio layers I-III through JLayer. When the first frame carries a Xing/Info + LAME
 * tag, its encoder delay and padding are removed (gapless); otherwise the full decoder output is
 * returned. An ADTS (AAC) stream behind an ID3 tag is handed to {@link AdtsDecoder}.
 */
public final class Mp3Decoder {
  private Mp3Decoder() {}

  public static DecodedAudio decode(byte[] b, AudioLimits limits) throws AudioFormatException {
    int start = LameTag.skipId3(b);
    if (start + 2 <= b.length && (b[start] & 0xff) == 0xff && (b[start + 1] & 0xf6) == 0xf0) {
      return AdtsDecoder.decode(b, start, limits);
    }
    LameTag tag = LameTag.find(b, start);
    try {
      return run(b, tag, limits);
    } catch (Fail.Abort a) {
      throw a.failure();
    } catch (RuntimeException | AssertionError | BitstreamException | DecoderException e) {
      throw Fail.corrupt("MPEG audio", e);
    }
  }

  private static DecodedAudio run(byte[] b, LameTag tag, AudioLimits limits)
      throws AudioFormatException, BitstreamException, DecoderException {
    Bitstream bs = new Bitstream(new ByteArrayInputStream(b));
    Decoder dec = new Decoder();
    PcmBuffer pcm = null;
    int rate = 0;
    int layer = 3;
    boolean first = true;
    long audioFrames = 0;
    for (Header h = bs.readFrame(); h != null; h = bs.readFrame()) {
      if (first && tag != null) {
        first = false;
        bs.closeFrame(); // the Xing/Info frame holds no audio
        continue;
      }
      first = false;
      if (pcm == null) {
        rate = h.frequency();
        layer = h.layer();
        int channels = h.mode() == Header.SINGLE_CHANNEL ? 1 : 2;
        Check.params(limits, rate, channels);
        pcm = new PcmBuffer(limits, rate, channels);
      }
      SampleBuffer out = (SampleBuffer) dec.decodeFrame(h, bs);
      int ch = out.getChannelCount();
      pcm.appendInterleaved(out.getBuffer(), out.getBufferLength() / ch, ch);
      bs.closeFrame();
      audioFrames++;
    }
    if (pcm == null || pcm.frames() == 0) {
      throw Fail.empty("no MPEG audio frames");
    }
    if (tag != null && audioFrames < tag.frames()) {
      throw Fail.truncated(
          "Xing header declares " + tag.frames() + " frames, " + audioFrames + " present");
    }
    boolean gapless = tag != null && tag.gapless();
    long skip = gapless ? tag.delay() + LameTag.DECODER_DELAY : 0;
    // SPEC: LAME tag padding counts the decoder delay too; the end trim is padding - 529.
    long endTrim = gapless ? Math.max(0, tag.padding() - LameTag.DECODER_DELAY) : 0;
    long keep = pcm.frames() - skip - endTrim;
    if (gapless && keep <= 0) {
      throw Fail.lies("LAME tag delay and padding exceed the decoded audio");
    }
    float[][] ch = pcm.slice(skip, keep);
    String codec = layer == 3 ? "mp3" : "mp" + layer;
    AudioInfo info = new AudioInfo("mp3", codec, rate, ch.length, ch[0].length / (double) rate);
    return new DecodedAudio(info, ch);
  }
}

package org.voxproof.audio.internal;

import java.util.Arrays;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioInfo;
import org.voxproof.audio.AudioLimits;
import org.voxproof.audio.DecodedAudio;

/**
 * AAC in MP4/M4A (first sound track). The edit list's media start (encoder delay) and duration
 * (padding) are applied, so the duration is the encoder's input duration.
 */
public final class Mp4Decoder {
  // SPEC: ISO/IEC 14496-12 §8.3.2 tkhd, §8.4.2 mdhd, §8.4.3 hdlr, §8.6.6 elst; ISO/IEC 14496-14
  // §5.6 esds; ISO/IEC 14496-1 §7.2.6.5-7 ES_Descriptor, DecoderConfigDescriptor.
  private Mp4Decoder() {}

  public static DecodedAudio decode(byte[] b, AudioLimits limits) throws AudioFormatException {
    IsoBox moov = IsoBox.first(IsoBox.children(b, 0, b.length), "moov");
    if (moov == null) {
      throw Fail.truncated("MP4 without a 'moov' box");
    }
    long movieScale = timescale(b, Mp4Samples.need(moov.child(b, "mvhd"), "mvhd"));
    for (IsoBox trak : IsoBox.children(b, moov.body(), moov.end())) {
      if (trak.type().equals("trak") && isSound(b, trak)) {
        return decodeTrack(b, trak, movieScale, limits);
      }
    }
    throw Fail.unsupported("MP4 without an audio track");
  }

  private static boolean isSound(byte[] b, IsoBox trak) throws AudioFormatException {
    IsoBox hdlr = trak.path(b, "mdia/hdlr");
    return hdlr != null && hdlr.size() >= 12 && Bytes.ascii(b, hdlr.body() + 8, "soun");
  }

  // SPEC: ISO/IEC 14496-12 §8.2.2 mvhd / §8.4.2 mdhd: timescale after the two time fields.
  private static long timescale(byte[] b, IsoBox box) throws AudioFormatException {
    int at = box.body() + (b[box.body()] == 1 ? 20 : 12);
    Bytes.need(b, at, 4, box.type());
    if (at + 4 > box.end()) {
      throw Fail.lies("'" + box.type() + "' too small");
    }
    long scale = Bytes.be32(b, at);
    if (scale == 0) {
      throw Fail.lies("'" + box.type() + "' timescale 0");
    }
    return scale;
  }

  private static DecodedAudio decodeTrack(byte[] b, IsoBox trak, long movieScale, AudioLimits lim)
      throws AudioFormatException {
    IsoBox mdia = Mp4Samples.need(trak.child(b, "mdia"), "mdia");
    long mediaScale = timescale(b, Mp4Samples.need(mdia.child(b, "mdhd"), "mdhd"));
    IsoBox stbl = Mp4Samples.need(mdia.path(b, "minf/stbl"), "stbl");
    byte[] asc = Esds.audioSpecificConfig(b, Mp4Samples.need(stbl.child(b, "stsd"), "stsd"));
    AacDecoder dec = AacDecoder.create(asc, lim);
    Mp4Samples.forEach(
        b, stbl, (off, size) -> dec.decode(Arrays.copyOfRange(b, (int) off, (int) off + size)));
    DecodedAudio all = AdtsDecoder.finish(dec, "mp4");
    long[] edit = edit(b, trak);
    return trim(all, edit, mediaScale, movieScale);
  }

  /** {media_time, segment_duration} of the first non-empty edit, or null. */
  private static long[] edit(byte[] b, IsoBox trak) throws AudioFormatException {
    IsoBox elst = trak.path(b, "edts/elst");
    if (elst == null) {
      return null;
    }
    boolean v1 = elst.size() > 0 && b[elst.body()] == 1;
    int size = v1 ? 20 : 12;
    int n = elst.entries(b, 8, size);
    for (int i = 0; i < n; i++) {
      int e = elst.body() + 8 + i * size;
      long duration = v1 ? Bytes.be64(b, e) : Bytes.be32(b, e);
      long mediaTime = v1 ? Bytes.be64(b, e + 8) : (int) Bytes.be32(b, e + 4);
      if (mediaTime >= 0) {
        return new long[] {mediaTime, duration};
      }
    }
    return null;
  }

  private static DecodedAudio trim(DecodedAudio a, long[] edit, long mediaScale, long movieScale)
      throws AudioFormatException {
    if (edit == null) {
      return a;
    }
    int rate = a.sampleRate();
    double skip = edit[0] / (double) mediaScale * rate;
    double keep = edit[1] > 0 ? edit[1] / (double) movieScale * rate : a.frames() - skip;
    if (skip >= a.frames()) {
      throw Fail.lies("MP4 edit list starts after the end of the audio");
    }
    int from = (int) Math.round(skip);
    int to = (int) Math.min(a.frames(), from + Math.round(keep));
    if (to <= from) {
      throw Fail.empty("MP4 edit list selects no audio");
    }
    float[][] ch = new float[a.channels().length][];
    for (int c = 0; c < ch.length; c++) {
      ch[c] = Arrays.copyOfRange(a.channels()[c], from, to);
    }
    AudioInfo i = a.info();
    AudioInfo info =
        new AudioInfo("mp4", i.codec(), rate, i.channels(), (to - from) / (double) rate);
    return new DecodedAudio(info, ch);
  }
}

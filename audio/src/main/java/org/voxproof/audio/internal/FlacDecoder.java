package org.voxproof.audio.internal;

import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioInfo;
import org.voxproof.audio.AudioLimits;
import org.voxproof.audio.DecodedAudio;

/**
 * Native FLAC (our own decoder: jflac loops forever on some corrupt frames). Frames are checked
 * against their CRCs and STREAMINFO; a bad frame is {@code header_lies}, fewer samples than
 * STREAMINFO declares is {@code truncated}. Bytes after the last frame (e.g. an ID3v1 tag) are
 * ignored; ID3v2 tags before {@code fLaC} are skipped.
 */
public final class FlacDecoder {
  // SPEC: RFC 9639 (FLAC).
  private FlacDecoder() {}

  public static DecodedAudio decode(byte[] b, AudioLimits limits) throws AudioFormatException {
    int id3 = Bytes.id3v2Length(b);
    if (id3 > 0) { // ID3v2 before fLaC (as C2PA manifests in FLAC are carried): skip it
      b = java.util.Arrays.copyOfRange(b, id3, b.length);
    }
    if (!Bytes.ascii(b, 0, "fLaC")) {
      throw Fail.unsupported("FLAC stream without the fLaC marker");
    }
    FlacInfo info = FlacInfo.parse(b);
    int rate = info.sampleRate();
    int channels = info.channels();
    Check.params(limits, rate, channels);
    if (info.bitsPerSample() < 4 || info.bitsPerSample() > 24) {
      throw Fail.unsupported("FLAC with " + info.bitsPerSample() + " bits per sample");
    }
    long declared = info.totalSamples();
    if (declared > 0) {
      Check.frames(limits, declared, rate, channels);
    }
    PcmBuffer pcm = frames(b, info, limits);
    if (pcm.frames() == 0) {
      throw Fail.empty("FLAC stream without audio frames");
    }
    if (declared > 0 && pcm.frames() < declared) {
      throw Fail.truncated(
          "STREAMINFO declares " + declared + " samples, " + pcm.frames() + " decoded");
    }
    long keep = declared > 0 ? declared : pcm.frames();
    AudioInfo ai = new AudioInfo("flac", "flac", rate, channels, keep / (double) rate);
    return new DecodedAudio(ai, pcm.slice(0, keep));
  }

  private static PcmBuffer frames(byte[] b, FlacInfo info, AudioLimits limits)
      throws AudioFormatException {
    PcmBuffer pcm = new PcmBuffer(limits, info.sampleRate(), info.channels());
    int[][] buf = new int[info.channels()][65536];
    int pos = info.firstFrame();
    try {
      while (FlacFrame.isSync(b, pos)) {
        FlacFrame.Decoded f = FlacFrame.decode(b, pos, info, buf);
        pcm.appendInts(f.samples(), f.blockSize(), info.bitsPerSample());
        pos = f.end();
      }
    } catch (Fail.Abort a) {
      throw a.failure();
    }
    return pcm;
  }
}

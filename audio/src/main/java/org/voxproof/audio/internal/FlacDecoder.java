package org.voxproof.audio.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jflac.ChannelData;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;
import org.jflac.metadata.StreamInfo;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioInfo;
import org.voxproof.audio.AudioLimits;
import org.voxproof.audio.DecodedAudio;

/**
 * Native FLAC through jflac. Fewer samples than STREAMINFO declares is {@code truncated}; frames
 * whose format differs from STREAMINFO are {@code header_lies}.
 */
public final class FlacDecoder {
  // SPEC: RFC 9639 (FLAC) §8.2 STREAMINFO, §9 frames; total samples 0 means unknown.
  private FlacDecoder() {}

  public static DecodedAudio decode(byte[] b, AudioLimits limits) throws AudioFormatException {
    if (!Bytes.ascii(b, 0, "fLaC")) {
      throw Fail.unsupported("FLAC stream without the fLaC marker (e.g. ID3-prefixed)");
    }
    org.jflac.FLACDecoder dec = new org.jflac.FLACDecoder(new ByteArrayInputStream(b));
    StreamInfo si = streamInfo(dec);
    int rate = si.getSampleRate();
    int channels = si.getChannels();
    int bits = si.getBitsPerSample();
    Check.params(limits, rate, channels);
    if (bits < 4 || bits > 24) {
      throw Fail.unsupported("FLAC with " + bits + " bits per sample");
    }
    long declared = si.getTotalSamples();
    if (declared > 0) {
      Check.frames(limits, declared, rate, channels);
    }
    PcmBuffer pcm = new PcmBuffer(limits, rate, channels);
    readFrames(dec, pcm, si);
    if (pcm.frames() == 0) {
      throw Fail.empty("FLAC stream without audio frames");
    }
    if (declared > 0 && pcm.frames() < declared) {
      throw Fail.truncated(
          "STREAMINFO declares " + declared + " samples, " + pcm.frames() + " decoded");
    }
    long keep = declared > 0 ? declared : pcm.frames();
    AudioInfo info = new AudioInfo("flac", "flac", rate, channels, keep / (double) rate);
    return new DecodedAudio(info, pcm.slice(0, keep));
  }

  private static StreamInfo streamInfo(org.jflac.FLACDecoder dec) throws AudioFormatException {
    Metadata[] all;
    try {
      all = dec.readMetadata();
    } catch (IOException | RuntimeException e) {
      throw Fail.truncated("FLAC metadata cut short");
    }
    if (all.length > 0 && all[0] instanceof StreamInfo si) {
      return si;
    }
    throw Fail.lies("FLAC whose first metadata block is not STREAMINFO");
  }

  private static void readFrames(org.jflac.FLACDecoder dec, PcmBuffer pcm, StreamInfo si)
      throws AudioFormatException {
    try {
      while (true) {
        Frame f = dec.readNextFrame();
        if (f == null) {
          return;
        }
        checkFrame(f, si);
        ChannelData[] cd = dec.getChannelData();
        int[][] ints = new int[si.getChannels()][];
        for (int c = 0; c < ints.length; c++) {
          ints[c] = cd[c].getOutput();
        }
        pcm.appendInts(ints, f.header.blockSize, si.getBitsPerSample());
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof Fail.Abort a) {
        throw a.failure();
      }
      throw Fail.corrupt("FLAC", e);
    }
  }

  private static void checkFrame(Frame f, StreamInfo si) throws AudioFormatException {
    if (f.header.channels != si.getChannels()
        || f.header.bitsPerSample != si.getBitsPerSample()
        || f.header.blockSize <= 0) {
      throw Fail.lies("FLAC frame format differs from STREAMINFO");
    }
  }
}

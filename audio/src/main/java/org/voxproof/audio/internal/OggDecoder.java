package org.voxproof.audio.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.gagravarr.ogg.OggPacket;
import org.gagravarr.ogg.OggPacketReader;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioLimits;
import org.voxproof.audio.DecodedAudio;

/** Ogg container: reads the first logical stream's packets and hands them to Vorbis or Opus. */
public final class OggDecoder {
  // SPEC: RFC 3533 (Ogg) pages and packets; the first packet of a stream names its codec.
  private OggDecoder() {}

  /**
   * A packet's bytes and the granule position of the page it ends on (-1 when another packet of the
   * same page follows: only the last packet completed on a page carries its granule).
   */
  record Packet(byte[] data, long granule, boolean endOfStream) {}

  public static DecodedAudio decode(byte[] b, AudioLimits limits) throws AudioFormatException {
    List<Packet> packets = packets(b);
    if (packets.isEmpty()) {
      throw Fail.truncated("Ogg without a complete packet");
    }
    byte[] first = packets.get(0).data();
    if (Bytes.ascii(first, 0, "OpusHead")) {
      return OpusDecoder.decode(packets, limits);
    }
    if (first.length > 7 && first[0] == 1 && Bytes.ascii(first, 1, "vorbis")) {
      return VorbisDecoder.decode(packets, limits);
    }
    throw Fail.unsupported("Ogg stream with a codec other than Vorbis or Opus");
  }

  private static List<Packet> packets(byte[] b) throws AudioFormatException {
    List<Packet> out = new ArrayList<>();
    try {
      OggPacketReader r = new OggPacketReader(new ByteArrayInputStream(b));
      OggPacket p = r.getNextPacket();
      if (p == null) {
        return out;
      }
      int sid = p.getSid();
      while (p != null) {
        OggPacket next = r.getNextPacketWithSid(sid);
        boolean lastOnPage = next == null || next.getSequenceNumber() != p.getSequenceNumber();
        long granule = lastOnPage ? p.getGranulePosition() : -1;
        out.add(new Packet(p.getData(), granule, p.isEndOfStream()));
        p = next;
      }
    } catch (IOException | RuntimeException e) {
      if (out.isEmpty()) {
        throw Fail.corrupt("Ogg", e);
      }
      // a damaged tail: keep the packets read so far, trimming below reports truncation
    }
    return out;
  }

  /** Granule position of the last page that has one, or -1. */
  static long lastGranule(List<Packet> packets) {
    for (int i = packets.size() - 1; i > 0; i--) {
      long g = packets.get(i).granule();
      if (g >= 0) {
        return g;
      }
    }
    return -1;
  }
}

package org.voxproof.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * FLAC behind ID3v2 tags (how a C2PA manifest store rides in FLAC: a GEOB frame before {@code
 * fLaC}) decodes like the bare stream; Tika alone calls such bytes MPEG.
 */
class Id3FlacTest {
  static byte[] flac() throws Exception {
    try (InputStream in =
        Id3FlacTest.class.getResourceAsStream(
            "/org/voxproof/audio/AudioDecoderFuzzTestInputs/fuzzDecode/s.flac")) {
      return in.readAllBytes();
    }
  }

  /** An ID3v2.4 tag of {@code body} bytes (syncsafe size), optionally with a footer. */
  static byte[] id3(int body, boolean footer) {
    byte[] t = new byte[10 + body + (footer ? 10 : 0)];
    t[0] = 'I';
    t[1] = 'D';
    t[2] = '3';
    t[3] = 4;
    t[5] = (byte) (footer ? 0x10 : 0);
    t[6] = (byte) ((body >> 21) & 0x7f);
    t[7] = (byte) ((body >> 14) & 0x7f);
    t[8] = (byte) ((body >> 7) & 0x7f);
    t[9] = (byte) (body & 0x7f);
    return t;
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }

  @Test
  void decode_id3PrefixedFlac_sameAudioAsTheBareStream() throws Exception {
    byte[] bare = flac();
    DecodedAudio want = AudioDecoder.create().decode(bare);
    for (byte[] tagged :
        new byte[][] {
          concat(id3(300, false), bare), concat(id3(200, true), id3(1000, false), bare)
        }) {
      assertThat(AudioDecoder.detectType(tagged)).isEqualTo("audio/x-flac");
      DecodedAudio got = AudioDecoder.create().decode(tagged);
      assertThat(got.frames()).isEqualTo(want.frames());
      assertThat(got.channels()[0]).containsExactly(want.channels()[0]);
    }
  }
}

package org.voxproof.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PcmDecodeTest {
  // Values from ITU-T G.711 Tables 1a/1b (decoder output, 16-bit linear scale).
  @Test
  void alaw_knownCodes_expandPerG711() {
    assertThat(PcmDecode.alaw(0xD5)).isEqualTo(8);
    assertThat(PcmDecode.alaw(0x55)).isEqualTo(-8);
    assertThat(PcmDecode.alaw(0xAA)).isEqualTo(32256);
    assertThat(PcmDecode.alaw(0x2A)).isEqualTo(-32256);
  }

  @Test
  void mulaw_knownCodes_expandPerG711() {
    assertThat(PcmDecode.mulaw(0xFF)).isEqualTo(0);
    assertThat(PcmDecode.mulaw(0x80)).isEqualTo(32124);
    assertThat(PcmDecode.mulaw(0x00)).isEqualTo(-32124);
    assertThat(PcmDecode.mulaw(0xFE)).isEqualTo(8);
  }

  @Test
  void decode_s24BigAndLittleEndian_agree() {
    byte[] le = {0x00, 0x00, (byte) 0x80, (byte) 0xff, (byte) 0xff, 0x7f};
    byte[] be = {(byte) 0x80, 0x00, 0x00, 0x7f, (byte) 0xff, (byte) 0xff};

    float[][] a = PcmDecode.decode(le, 0, 2, 1, PcmEncoding.S24, false);
    float[][] b = PcmDecode.decode(be, 0, 2, 1, PcmEncoding.S24, true);

    assertThat(a[0]).containsExactly(-1f, 8388607 / 8388608f);
    assertThat(b[0]).containsExactly(a[0]);
  }

  @Test
  void extended_aiffSampleRates_decode() {
    byte[] r44100 = {0x40, 0x0E, (byte) 0xAC, 0x44, 0, 0, 0, 0, 0, 0};
    byte[] r8000 = {0x40, 0x0B, (byte) 0xFA, 0, 0, 0, 0, 0, 0, 0};

    assertThat(AiffDecoder.extended(r44100, 0)).isEqualTo(44100);
    assertThat(AiffDecoder.extended(r8000, 0)).isEqualTo(8000);
  }
}

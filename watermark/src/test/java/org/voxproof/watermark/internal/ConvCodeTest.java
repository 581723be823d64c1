package org.voxproof.watermark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvCodeTest {
  @Test
  void decode_noisySoftBits_correctsErrors() {
    Random r = new Random(5);
    byte[] info = new byte[ConvCode.INFO_BITS];
    for (int i = 0; i < info.length; i++) {
      info[i] = (byte) r.nextInt(2);
    }
    byte[] coded = ConvCode.encode(info);
    double[] soft = new double[coded.length];
    int flipped = 0;
    for (int i = 0; i < soft.length; i++) {
      soft[i] = (coded[i] == 0 ? 1 : -1) + 0.9 * r.nextGaussian();
      flipped += (soft[i] > 0) == (coded[i] == 0) ? 0 : 1;
    }

    assertThat(flipped).isGreaterThan(5);
    assertThat(ConvCode.decode(soft)).isEqualTo(info);
  }

  @Test
  void payloadCodec_wrongKey_rejects() {
    byte[] k1 = new byte[32];
    byte[] k2 = new byte[32];
    k2[0] = 1;
    byte[] bits = PayloadCodec.encode(k1, 0x12345678);

    assertThat(PayloadCodec.decode(k1, bits)).hasValue(0x12345678);
    assertThat(PayloadCodec.decode(k2, bits)).isEmpty();
  }
}

package org.voxproof.watermark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {
  private static final byte[] KEY = secret(1);
  private static final int PAYLOAD = 0x0badc0de;

  static byte[] secret(int seed) {
    byte[] s = new byte[32];
    new java.util.Random(seed).nextBytes(s);
    return s;
  }

  @Test
  void decode_encoded_returnsThePayload() {
    assertThat(PayloadCodec.decode(KEY, PayloadCodec.encode(KEY, PAYLOAD)))
        .isEqualTo(OptionalInt.of(PAYLOAD));
  }

  @Test
  void decode_anySingleBitFlipped_failsTheMac() {
    byte[] bits = PayloadCodec.encode(KEY, PAYLOAD);

    for (int i = 0; i < PayloadCodec.BITS; i++) {
      byte[] bad = bits.clone();
      bad[i] ^= 1;
      assertThat(PayloadCodec.decode(KEY, bad)).as("bit %d", i).isEmpty();
    }
  }

  @Test
  void decode_otherKey_failsTheMac() {
    assertThat(PayloadCodec.decode(secret(2), PayloadCodec.encode(KEY, PAYLOAD))).isEmpty();
  }

  @Test
  void encode_payloadBitsAreEncryptedPerKey() {
    byte[] a = PayloadCodec.encode(KEY, PAYLOAD);
    byte[] b = PayloadCodec.encode(secret(2), PAYLOAD);

    int same = 0;
    for (int i = 0; i < 32; i++) {
      same += a[i] == b[i] ? 1 : 0;
    }
    assertThat(same).isLessThan(32);
    assertThat(a).hasSize(PayloadCodec.BITS);
  }

  @Test
  void decode_randomBits_passRarely() {
    java.util.Random r = new java.util.Random(7);
    int passed = 0;
    for (int t = 0; t < 20_000; t++) {
      byte[] bits = new byte[PayloadCodec.BITS];
      for (int i = 0; i < bits.length; i++) {
        bits[i] = (byte) r.nextInt(2);
      }
      passed += PayloadCodec.decode(KEY, bits).isPresent() ? 1 : 0;
    }
    // Each random word passes with probability 2^-MAC_BITS; 20,000 words: expected 0.0012.
    assertThat(passed).isZero();
  }
}

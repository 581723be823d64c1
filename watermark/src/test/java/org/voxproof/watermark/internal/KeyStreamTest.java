package org.voxproof.watermark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyStreamTest {
  private static final byte[] SECRET = new byte[32];

  @Test
  void prf_isHmacSha256OfLabelThenData() {
    // SPEC: RFC 4231 §4.3 test case 2 (key "Jefe"), message split into label and data.
    byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
    byte[] data = "for nothing?".getBytes(StandardCharsets.US_ASCII);

    byte[] mac = KeyStream.prf(key, "what do ya want ", data);

    assertThat(HexFormat.of().formatHex(mac))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void nextByte_sameSecretAndLabel_sameStream_otherLabel_otherStream() {
    byte[] a = bytes(new KeyStream(SECRET, "voxproof-wm/layout/v1"), 100);
    byte[] b = bytes(new KeyStream(SECRET, "voxproof-wm/layout/v1"), 100);
    byte[] c = bytes(new KeyStream(SECRET, "voxproof-wm/other/v1"), 100);

    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void nextByte_firstBlock_isHmacOfLabelAndCounterZero() {
    byte[] first = bytes(new KeyStream(SECRET, "L"), 32);

    assertThat(first).isEqualTo(KeyStream.prf(SECRET, "L", new byte[8]));
  }

  @Test
  void nextInt_staysInBoundAndCoversIt() {
    KeyStream ks = new KeyStream(SECRET, "t");
    int[] counts = new int[7];

    for (int i = 0; i < 7000; i++) {
      counts[ks.nextInt(7)]++;
    }

    for (int c : counts) {
      assertThat(c).isBetween(850, 1150);
    }
  }

  @Test
  void permutation_isAPermutationAndDependsOnTheSecret() {
    int[] p = new KeyStream(SECRET, "p").permutation(1840);
    byte[] other = SECRET.clone();
    other[0] = 1;
    int[] q = new KeyStream(other, "p").permutation(1840);

    int[] sorted = p.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      assertThat(sorted[i]).isEqualTo(i);
    }
    assertThat(p).isNotEqualTo(q);
  }

  private static byte[] bytes(KeyStream ks, int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) ks.nextByte();
    }
    return out;
  }
}

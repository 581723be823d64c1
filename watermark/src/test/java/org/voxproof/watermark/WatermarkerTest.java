package org.voxproof.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WatermarkerTest {
  private static final Watermarker WM = Watermarker.builder().build();
  private static final WatermarkKey KEY = key(1);
  private static final Payload PAYLOAD = Payload.ofHex("c0ffee42");

  static WatermarkKey key(int seed) {
    byte[] s = new byte[32];
    new java.util.Random(seed).nextBytes(s);
    return new WatermarkKey("test-" + seed, s);
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 11025, 16000, 22050, 32000, 44100, 48000})
  void detect_markedSpeech_findsPayloadAtEveryRate(int rate) throws Exception {
    float[] x = TestAudio.speech(rate, 10);
    float[] y = WM.embed(x, rate, PAYLOAD, KEY);

    Detection d = WM.detect(y, rate, KEY);

    assertThat(d.found()).isTrue();
    assertThat(d.payload()).contains(PAYLOAD);
    assertThat(d.keyId()).contains("test-1");
    assertThat(d.pFalseAlarm()).isLessThan(1e-6);
    assertThat(d.speedFactor()).isEqualTo(1.0);
  }

  @Test
  void embed_speech_keepsSnrAbove30dbAndNeverClips() throws Exception {
    float[] x = TestAudio.speech(16000, 10);
    float[] loud = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      loud[i] = Math.max(-1f, Math.min(1f, x[i] * 3));
    }

    float[] y = WM.embed(loud, 16000, PAYLOAD, KEY);

    assertThat(TestAudio.snrDb(loud, y)).isGreaterThanOrEqualTo(30.0);
    for (float v : y) {
      assertThat(Math.abs(v)).isLessThanOrEqualTo(1f);
    }
  }

  @Test
  void detect_wrongKey_findsNothing() throws Exception {
    float[] y = WM.embed(TestAudio.speech(16000, 10), 16000, PAYLOAD, KEY);

    Detection d = WM.detect(y, 16000, key(2));

    assertThat(d.found()).isFalse();
    assertThat(d.payload()).isEmpty();
  }

  @Test
  void detect_retiredKeyInList_findsPayloadAndNamesKey() throws Exception {
    float[] y = WM.embed(TestAudio.speech(16000, 10), 16000, PAYLOAD, KEY);

    Detection d = WM.detect(y, 16000, List.of(key(3), KEY));

    assertThat(d.payload()).contains(PAYLOAD);
    assertThat(d.keyId()).contains("test-1");
  }

  @Test
  void detect_unmarkedAudio_findsNothing() throws Exception {
    List<float[]> clips =
        List.of(
            TestAudio.speech(16000, 10),
            TestAudio.whiteNoise(160000, 0.1, 7),
            TestAudio.chord(160000, 16000),
            new float[160000]);
    for (float[] x : clips) {
      Detection d = WM.detect(x, 16000, KEY);
      assertThat(d.found()).isFalse();
      assertThat(d.segments()).isEmpty();
    }
  }

  @Test
  void embed_stereo_marksBothChannelsAndDetectsDownmix() throws Exception {
    float[] l = TestAudio.speech(48000, 6);
    float[] r = l.clone();
    for (int i = 0; i < r.length; i++) {
      r[i] *= 0.5f;
    }

    float[][] y = WM.embed(new float[][] {l, r}, 48000, PAYLOAD, KEY);

    assertThat(y).hasDimensions(2, l.length);
    assertThat(WM.detect(y, 48000, List.of(KEY)).payload()).contains(PAYLOAD);
  }

  @Test
  void detect_cropFromMiddle_findsPayloadAndSegment() throws Exception {
    float[] y = WM.embed(TestAudio.speech(16000, 11), 16000, PAYLOAD, KEY);
    float[] crop = java.util.Arrays.copyOfRange(y, 12345, 12345 + 6 * 16000);

    Detection d = WM.detect(crop, 16000, KEY);

    assertThat(d.payload()).contains(PAYLOAD);
    assertThat(d.segments()).isNotEmpty();
  }

  @Test
  void embed_rateOutOfRange_throws() {
    assertThatThrownBy(() -> WM.embed(new float[1000], 96000, PAYLOAD, KEY))
        .isInstanceOf(WatermarkException.class)
        .hasMessageContaining("96000");
  }

  @Test
  void key_toString_hidesSecret() {
    WatermarkKey k = WatermarkKey.generate(new SecureRandom());
    String hex = java.util.HexFormat.of().formatHex(k.secret());

    assertThat(k.toString()).doesNotContain(hex).contains(k.keyId()).contains("hidden");
  }

  @Test
  void payload_hex_roundTrips() {
    assertThat(Payload.ofHex("00ff10ab").hex()).isEqualTo("00ff10ab");
    assertThat(Payload.ofHex("FFFFFFFF").value()).isEqualTo(-1);
    assertThatThrownBy(() -> Payload.ofHex("123")).isInstanceOf(IllegalArgumentException.class);
  }
}

package org.voxproof.consent.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.consent.checks.internal.Landmarks;
import org.voxproof.consent.checks.internal.Pcm;

/** The replay fingerprint on real speech: copies match, other takes and other keys do not. */
class FingerprintMatchTest {
  static final String TEXT =
      "I, Alice Smith, agree that Acme Bank may use a synthetic copy of my voice for customer"
          + " service and marketing. apple river candle";
  static final byte[] KEY = new byte[32];
  static final Landmarks LANDMARKS = new Landmarks(KEY);

  static byte[] original;
  static Fingerprint originalPrint;

  @BeforeAll
  static void speak() throws IOException {
    original = Speech.say("en-us+m3", TEXT);
    originalPrint = print(original);
  }

  static Fingerprint print(byte[] audio) throws IOException {
    DecodedAudio a = Speech.decode(audio);
    return new Fingerprint(LANDMARKS.fingerprint(Pcm.of(a).mono16k()));
  }

  private static boolean matchesOriginal(byte[] copy, String what) throws IOException {
    Fingerprint f = print(copy);
    int s = FingerprintMatch.score(f, originalPrint);
    System.out.printf(
        "%s: %d of %d/%d landmarks aligned%n",
        what, s, f.hashes().length, originalPrint.hashes().length);
    return FingerprintMatch.matches(f, originalPrint);
  }

  @Test
  void matches_mp3Reencode() throws IOException {
    assertThat(matchesOriginal(Speech.mp3(original), "mp3 64k")).isTrue();
  }

  @Test
  void matches_trimmedBothEnds() throws IOException {
    byte[] t = Speech.transform(original, "wav", "sox", "IN", "OUT", "trim", "0.37", "-0.41");
    assertThat(matchesOriginal(t, "trimmed")).isTrue();
  }

  @Test
  void matches_gainChange() throws IOException {
    byte[] t = Speech.transform(original, "wav", "sox", "IN", "OUT", "vol", "0.3");
    assertThat(matchesOriginal(t, "gain -10 dB")).isTrue();
  }

  @Test
  void matches_addedNoiseAt15dB() throws IOException {
    DecodedAudio a = Speech.decode(original);
    float[] x = a.mono().clone();
    double e = 0;
    for (float v : x) {
      e += v * v;
    }
    double sigma = Math.sqrt(e / x.length) / Math.pow(10, 15 / 20.0);
    Random r = new Random(5);
    for (int i = 0; i < x.length; i++) {
      x[i] += (float) (r.nextGaussian() * sigma);
    }
    assertThat(matchesOriginal(Speech.wav(x, a.sampleRate()), "noise 15 dB")).isTrue();
  }

  @Test
  void matches_mp3OfTrimmedLouderCopy() throws IOException {
    byte[] t = Speech.transform(original, "wav", "sox", "IN", "OUT", "trim", "0.8", "vol", "1.5");
    assertThat(matchesOriginal(Speech.mp3(t), "trim+gain+mp3")).isTrue();
  }

  @Test
  void noMatch_otherTakeSameVoiceSameWords() throws IOException {
    byte[] take = Speech.say("en-us+m3", TEXT, "-s", "160", "-p", "46");
    assertThat(matchesOriginal(take, "other take")).isFalse();
  }

  @Test
  void noMatch_otherVoiceSameWords() throws IOException {
    byte[] take = Speech.say("en-gb+f2", TEXT);
    assertThat(matchesOriginal(take, "other voice")).isFalse();
  }

  @Test
  void noMatch_otherKey() throws IOException {
    byte[] key = new byte[32];
    key[0] = 1;
    Fingerprint f =
        new Fingerprint(new Landmarks(key).fingerprint(Pcm.of(Speech.decode(original)).mono16k()));
    assertThat(FingerprintMatch.score(f, originalPrint)).isLessThan(FingerprintMatch.MIN_ALIGNED);
  }

  @Test
  void inMemoryIndex_addMatchRemove() throws IOException {
    InMemoryReplayIndex index = new InMemoryReplayIndex();
    assertThat(index.matches(originalPrint)).isFalse();
    index.add("voice-1", originalPrint);
    assertThat(index.matches(print(Speech.mp3(original)))).isTrue();
    index.removeScope("voice-1");
    assertThat(index.matches(originalPrint)).isFalse();
    assertThat(index.size()).isZero();
  }
}

package org.voxproof.consent.checks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxproof.consent.checks.Challenge;
import org.voxproof.testkit.Tools;

/** Sphinx4 in grammar mode on espeak-ng speech: the right phrase is heard, other words are not. */
class SphinxRecognizerTest {
  static final Challenge C =
      new Challenge(
          "en",
          "I, Alice Smith, agree that Acme Bank may use a synthetic copy of my voice for customer"
              + " service and marketing.",
          List.of("apple", "river", "candle"));

  static float[] say(String voice, String text) throws IOException {
    Tools.require("espeak-ng");
    java.nio.file.Path out = java.nio.file.Files.createTempFile("sphinx", ".wav");
    try {
      Process p = new ProcessBuilder("espeak-ng", "-v", voice, "-w", out.toString(), text).start();
      p.waitFor();
      return Pcm.of(org.voxproof.audio.AudioDecoder.create().decode(out)).mono16k();
    } catch (InterruptedException | org.voxproof.audio.AudioFormatException e) {
      throw new IOException(e);
    } finally {
      java.nio.file.Files.deleteIfExists(out);
    }
  }

  @Test
  void recognize_rightPhrase_accepted() throws IOException {
    PhraseGrammar g = PhraseGrammar.english(C, "consent");
    long t0 = System.nanoTime();
    String heard = new SphinxRecognizer().recognize(say("en-us+m3", C.phrase()), g);
    System.out.printf("heard in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, heard);
    assertThat(g.accepts(heard)).isTrue();
  }

  @Test
  void recognize_grammarOfEachCall_isUsed() throws IOException {
    Challenge other = new Challenge("en", C.statement(), List.of("tiger", "lemon", "rocket"));
    float[] first = say("en-us", C.phrase());
    float[] second = say("en-us", other.phrase());
    SphinxRecognizer r = new SphinxRecognizer();
    PhraseGrammar g1 = PhraseGrammar.english(C, "consent");
    PhraseGrammar g2 = PhraseGrammar.english(other, "consent");
    assertThat(g1.accepts(r.recognize(first, g1))).isTrue();
    String heard = r.recognize(second, g2);
    assertThat(g2.accepts(heard)).as(heard).isTrue();
    assertThat(g1.accepts(r.recognize(second, g1))).isFalse();
  }

  @Test
  void recognize_otherSentence_rejected() throws IOException {
    PhraseGrammar g = PhraseGrammar.english(C, "consent");
    String heard =
        new SphinxRecognizer()
            .recognize(
                say("en-us+m3", "Our meeting has moved to Thursday at four, bring the keys."), g);
    System.out.println("heard: " + heard);
    assertThat(g.accepts(heard)).isFalse();
  }
}

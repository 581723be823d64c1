package org.voxproof.consent.checks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxproof.consent.checks.Challenge;

/** The grammar text and the acceptance rule, without audio. */
class PhraseGrammarTest {
  static final Challenge C =
      new Challenge(
          "en",
          "I, Alice Smith, agree that Acme Bank may use a synthetic copy of my voice for ads.",
          List.of("apple", "river", "candle"));

  @Test
  void accepts_exactWords_caseAndPunctuationIgnored() {
    PhraseGrammar g = PhraseGrammar.english(C, "consent");
    assertThat(
            g.accepts(
                "i alice smith agree that acme bank may use a synthetic copy of my voice for ads"
                    + " apple river candle"))
        .isTrue();
    assertThat(g.accepts(C.phrase().toUpperCase(java.util.Locale.ROOT))).isTrue();
  }

  @Test
  void accepts_otherRandomWordOrMissingWord_false() {
    PhraseGrammar g = PhraseGrammar.english(C, "consent");
    String st = "i alice smith agree that acme bank may use a synthetic copy of my voice for ads";
    assertThat(g.accepts(st + " apple river tiger")).isFalse();
    assertThat(g.accepts(st + " apple river")).isFalse();
    assertThat(g.accepts(st.replace("agree", "disagree") + " apple river candle")).isFalse();
    assertThat(g.accepts("")).isFalse();
  }

  @Test
  void english_unknownName_becomesFillerSlot() {
    Challenge c =
        new Challenge("en", "I, Zqxwv Smith, agree.", List.of("apple", "river", "candle"));
    PhraseGrammar g = PhraseGrammar.english(c, "consent");
    assertThat(g.expected())
        .containsExactly("i", "<oov>", "smith", "agree", "apple", "river", "candle");
    assertThat(g.accepts("i oh the smith agree apple river candle")).isTrue();
    assertThat(g.accepts("i smith agree apple river candle")).isFalse();
    assertThat(g.jsgf()).contains("<statement> = i <oov> smith agree;").doesNotContain("zqxwv");
  }

  @Test
  void english_slotHoldsOwnWordsAndDistractors() {
    List<String> slot = PhraseGrammar.slotWords(C.words(), C.phrase());
    assertThat(slot).startsWith("apple", "river", "candle").hasSize(23).doesNotHaveDuplicates();
    assertThat(PhraseGrammar.english(C, "consent").jsgf())
        .startsWith("#JSGF V1.0;")
        .contains("public <consent> = <statement> <rw> <rw> <rw> [<rw>];");
  }

  @Test
  void challengeWords_allInSphinxDictionary() {
    assertThat(Challenges.words("en")).hasSizeGreaterThan(100).allMatch(SphinxDictionary::contains);
    assertThat(Challenges.words("zh")).hasSizeGreaterThan(50);
    assertThat(PhraseGrammar.FILLERS).allMatch(SphinxDictionary::contains);
  }
}

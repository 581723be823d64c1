package org.voxproof.consent.checks.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.voxproof.consent.checks.Challenge;

/**
 * Does a recording say its challenge? English through Sphinx4 in grammar mode ({@link
 * PhraseGrammar}); other languages through a configured ONNX CTC recognizer, accepted when every
 * random word is heard and the character error rate over the whole phrase is at most {@code
 * maxCer}. A language with neither is not offered (fail closed).
 */
public final class PhraseCheck {
  private final SphinxRecognizer sphinx = new SphinxRecognizer();
  private final Map<String, OnnxCtcRecognizer> others;
  private final double maxCer;

  public PhraseCheck(Map<String, OnnxCtcRecognizer> others, double maxCer) {
    this.others = Map.copyOf(others);
    this.maxCer = maxCer;
  }

  public Set<String> languages() {
    Set<String> s = new TreeSet<>(others.keySet());
    s.add("en");
    return s;
  }

  /** True when the recognizer heard {@code c}'s statement and random words. */
  public boolean says(float[] x16k, Challenge c) throws IOException {
    String lang = Challenges.normalize(c.language());
    if (lang.equals("en")) {
      PhraseGrammar g = PhraseGrammar.english(c, "consent");
      return g.accepts(sphinx.recognize(x16k, g));
    }
    OnnxCtcRecognizer r = others.get(lang);
    if (r == null) {
      return false;
    }
    return matches(r.recognize(x16k), c, maxCer);
  }

  /** The rule for recognizers that return text: every word heard, CER ≤ {@code maxCer}. */
  static boolean matches(String heard, Challenge c, double maxCer) {
    String h = letters(heard);
    for (String w : c.words()) {
      if (!h.contains(letters(w))) {
        return false;
      }
    }
    String expected = letters(c.phrase());
    return expected.isEmpty()
        || editDistance(expected, h) <= maxCer * expected.codePointCount(0, expected.length());
  }

  private static String letters(String s) {
    StringBuilder b = new StringBuilder();
    s.toLowerCase(java.util.Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  static int editDistance(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    int[] prev = new int[y.length + 1];
    int[] cur = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length; j++) {
        int sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length];
  }
}

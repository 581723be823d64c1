package org.voxproof.consent.checks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.voxproof.consent.checks.Challenge;

/**
 * The JSGF grammar a challenge is recognized against, and the rule that decides whether the
 * recognizer's words are the challenge. The grammar is the statement followed by 3–4 slots, each
 * one of the challenge's own random words or 20 other words of the list. The recording passes only
 * if the recognizer reaches the end of that path with exactly the challenge's words: a recording of
 * other words either loses the path (Sphinx returns the partial best path, or nothing) or fills the
 * slots with other words. (A free word loop as a competing alternative won on correct espeak speech
 * too, so it is not used.) Words Sphinx does not know (unusual names) become a slot of one to three
 * short filler words, matched loosely.
 */
public final class PhraseGrammar {
  /** Short dictionary words that absorb a word Sphinx does not know, and pad the free loop. */
  static final List<String> FILLERS =
      List.of(
          "a", "the", "and", "oh", "uh", "um", "ah", "i", "is", "it", "in", "on", "to", "of", "no",
          "yes", "so", "we", "you", "be", "do", "go", "my", "me", "he", "she", "not", "but", "this",
          "was", "one", "two", "day", "hello", "okay", "well", "there", "what");

  private static final String SLOT = "<oov>";
  private static final int DISTRACTORS = 20;

  private final List<String> expected;
  private final Pattern accept;
  private final String jsgf;

  private PhraseGrammar(List<String> expected, Pattern accept, String jsgf) {
    this.expected = expected;
    this.accept = accept;
    this.jsgf = jsgf;
  }

  /** The grammar for an English challenge, named {@code name}. */
  public static PhraseGrammar english(Challenge c, String name) {
    List<String> statement = tokens(c.statement());
    List<String> words = c.words().stream().flatMap(w -> tokens(w).stream()).toList();
    List<String> st = statement.stream().map(w -> SphinxDictionary.contains(w) ? w : SLOT).toList();
    List<String> rw = words.stream().map(w -> SphinxDictionary.contains(w) ? w : SLOT).toList();
    List<String> list = slotWords(rw, c.phrase());
    StringBuilder g = new StringBuilder();
    g.append("#JSGF V1.0;\n\ngrammar ").append(name).append(";\n\n");
    g.append("public <consent> = <statement> <rw> <rw> <rw> [<rw>];\n\n");
    g.append("<statement> = ").append(String.join(" ", st)).append(";\n");
    g.append("<rw> = ").append(String.join(" | ", list)).append(";\n");
    g.append("<oov> = <filler> [<filler>] [<filler>];\n");
    g.append("<filler> = ").append(String.join(" | ", FILLERS)).append(";\n");
    List<String> all = new ArrayList<>(st);
    all.addAll(rw);
    return new PhraseGrammar(all, pattern(all), g.toString());
  }

  /**
   * The words a random-word slot may be: the challenge's own and {@value #DISTRACTORS} others from
   * the list (fixed per phrase), which keeps the search small enough for a few seconds' decoding.
   */
  static List<String> slotWords(List<String> own, String phrase) {
    List<String> others =
        new ArrayList<>(
            Challenges.words("en").stream()
                .filter(SphinxDictionary::contains)
                .filter(w -> !own.contains(w))
                .toList());
    java.util.Collections.shuffle(others, new java.util.Random(phrase.hashCode()));
    List<String> out = new ArrayList<>(own.stream().filter(w -> !w.equals(SLOT)).toList());
    out.addAll(others.subList(0, Math.min(DISTRACTORS, others.size())));
    return out;
  }

  /** The grammar file's text. */
  public String jsgf() {
    return jsgf;
  }

  /** The expected words, {@code <oov>} for a word Sphinx does not know. */
  public List<String> expected() {
    return expected;
  }

  /** True when the recognized text is the challenge. */
  public boolean accepts(String hypothesis) {
    String h = String.join(" ", tokens(hypothesis));
    return accept.matcher(h).matches();
  }

  /** Lower-case words of {@code text}: letters and apostrophes; everything else separates. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : text.toLowerCase(Locale.ROOT).split("[^a-z']+")) {
      String w = t.replaceAll("^'+|'+$", "");
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static Pattern pattern(List<String> words) {
    String filler = "(?:" + String.join("|", FILLERS) + ")";
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        p.append(' ');
      }
      String w = words.get(i);
      p.append(w.equals(SLOT) ? filler + "(?: " + filler + "){0,2}" : Pattern.quote(w));
    }
    return Pattern.compile(p.toString());
  }
}

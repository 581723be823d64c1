package org.voxproof.policy.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One deny pattern of a content rule: a sequence of terms matched against consecutive tokens of the
 * text ({@link TextTokens}). Terms: a word ({@code transfer}); a word prefix ({@code pay*}: pay,
 * payment, paying); {@code *} (exactly one token); {@code <number>} (a token of digits); {@code
 * <iban>} (an IBAN with a valid ISO 13616 check, written with or without spaces). A phrase in a
 * script without spaces matches character by character. Matching is bounded: at most {@link
 * #MAX_TERMS} terms, each consuming at most 9 tokens.
 */
public final class PhrasePattern {
  public static final int MAX_TERMS = 16;
  public static final int MAX_SOURCE_CHARS = 200;

  private interface Term {
    /** Token counts this term can consume at {@code at} (empty: no match). */
    int[] lengths(List<String> tokens, int at);
  }

  private static final int[] NONE = new int[0];
  private static final int[] ONE = {1};

  private final String source;
  private final List<Term> terms;

  private PhrasePattern(String source, List<Term> terms) {
    this.source = source;
    this.terms = List.copyOf(terms);
  }

  /** Parses one pattern; {@link IllegalArgumentException} with the problem when malformed. */
  public static PhrasePattern parse(String source) {
    String s = source.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty pattern");
    }
    if (s.length() > MAX_SOURCE_CHARS) {
      throw new IllegalArgumentException("pattern longer than " + MAX_SOURCE_CHARS + " chars");
    }
    List<Term> terms = new ArrayList<>();
    for (String part : s.split("\\s+", -1)) {
      addTerms(part, terms);
    }
    if (terms.size() > MAX_TERMS) {
      throw new IllegalArgumentException("pattern has more than " + MAX_TERMS + " terms");
    }
    return new PhrasePattern(s, terms);
  }

  private static void addTerms(String part, List<Term> terms) {
    if (part.equals("*")) {
      terms.add((t, at) -> ONE);
    } else if (part.equals("<number>")) {
      terms.add((t, at) -> isDigits(t.get(at)) ? ONE : NONE);
    } else if (part.equals("<iban>")) {
      terms.add(PhrasePattern::ibanLengths);
    } else if (part.startsWith("<")) {
      throw new IllegalArgumentException("unknown class " + part + " (<number>, <iban>)");
    } else if (part.length() > 1 && part.endsWith("*")) {
      List<String> w = TextTokens.of(part.substring(0, part.length() - 1));
      if (w.size() != 1) {
        throw new IllegalArgumentException("a prefix (" + part + ") must be one word");
      }
      String prefix = w.get(0);
      terms.add((t, at) -> t.get(at).startsWith(prefix) ? ONE : NONE);
    } else {
      List<String> words = TextTokens.of(part);
      if (words.isEmpty()) {
        throw new IllegalArgumentException("'" + part + "' has no letters or digits");
      }
      for (String w : words) {
        terms.add((t, at) -> t.get(at).equals(w) ? ONE : NONE);
      }
    }
  }

  /** The pattern as written. */
  public String source() {
    return source;
  }

  /** True when the pattern matches somewhere in {@code tokens}. */
  public boolean matches(List<String> tokens) {
    for (int start = 0; start < tokens.size(); start++) {
      if (matchFrom(tokens, 0, start)) {
        return true;
      }
    }
    return false;
  }

  private boolean matchFrom(List<String> tokens, int term, int at) {
    if (term == terms.size()) {
      return true;
    }
    if (at >= tokens.size()) {
      return false;
    }
    for (int len : terms.get(term).lengths(tokens, at)) {
      if (matchFrom(tokens, term + 1, at + len)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }

  // SPEC: ISO 13616-1 — 2 letters, 2 check digits, up to 30 alphanumerics; mod 97 == 1 after
  // moving the first four characters to the end and writing letters as 10..35.
  private static int[] ibanLengths(List<String> tokens, int at) {
    StringBuilder acc = new StringBuilder();
    List<Integer> ok = new ArrayList<>();
    for (int i = at; i < tokens.size() && i - at < 9; i++) {
      String tok = tokens.get(i).toUpperCase(Locale.ROOT);
      if (!tok.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        break;
      }
      acc.append(tok);
      if (acc.length() > 34) {
        break;
      }
      if (acc.length() >= 15 && validIban(acc)) {
        ok.add(i - at + 1);
      }
    }
    return ok.stream().mapToInt(Integer::intValue).toArray();
  }

  static boolean validIban(CharSequence iban) {
    if (!Character.isLetter(iban.charAt(0))
        || !Character.isLetter(iban.charAt(1))
        || !Character.isDigit(iban.charAt(2))
        || !Character.isDigit(iban.charAt(3))) {
      return false;
    }
    String moved = iban.subSequence(4, iban.length()) + iban.subSequence(0, 4).toString();
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < moved.length(); i++) {
      char c = moved.charAt(i);
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  @Override
  public String toString() {
    return source;
  }
}

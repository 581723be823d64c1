package org.voxproof.policy.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into the tokens content rules match: NFKC, lower case, runs of letters and digits
 * (with their combining marks); every character of a script written without spaces (Han, Kana,
 * Thai, ...) is a token of its own, so a rule's phrase in those scripts matches character by
 * character. Everything else (spaces, punctuation, symbols) separates tokens. Linear time.
 */
public final class TextTokens {
  private TextTokens() {}

  public static List<String> of(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isMark(cp) && cur.length() > 0) {
        cur.appendCodePoint(cp);
      } else if (Character.isLetterOrDigit(cp) && unspaced(cp)) {
        flush(cur, out);
        out.add(new String(Character.toChars(cp)));
      } else if (Character.isLetterOrDigit(cp)) {
        cur.appendCodePoint(cp);
      } else {
        flush(cur, out);
      }
    }
    flush(cur, out);
    return out;
  }

  private static boolean isMark(int cp) {
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK
        || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK;
  }

  private static boolean unspaced(int cp) {
    Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
    return sc == Character.UnicodeScript.HAN
        || sc == Character.UnicodeScript.HIRAGANA
        || sc == Character.UnicodeScript.KATAKANA
        || sc == Character.UnicodeScript.THAI
        || sc == Character.UnicodeScript.LAO
        || sc == Character.UnicodeScript.KHMER
        || sc == Character.UnicodeScript.MYANMAR;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (cur.length() > 0) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }
}

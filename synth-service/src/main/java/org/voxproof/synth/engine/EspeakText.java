package org.voxproof.synth.engine;

import java.text.Normalizer;

/**
 * Makes user text safe to hand to espeak-ng: NFC; control and format characters become spaces;
 * square brackets become spaces, so {@code [[...]]} phoneme input (which would let a caller spell
 * out words the content rules never saw) is never active. SSML is off anyway (no {@code -m}), and
 * the text travels on stdin, never as an argument, so it cannot become an option.
 */
public final class EspeakText {
  private EspeakText() {}

  public static String sanitize(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      boolean drop =
          type == Character.CONTROL
              || type == Character.FORMAT
              || type == Character.UNASSIGNED
              || type == Character.PRIVATE_USE
              || type == Character.SURROGATE
              || cp == '['
              || cp == ']';
      b.appendCodePoint(drop ? ' ' : cp);
    }
    return b.toString().replaceAll("\\s+", " ").strip();
  }
}

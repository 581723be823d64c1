package org.voxproof.synth.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.voxproof.synth.engine.internal.ProcessRunner;

/**
 * Text to IPA phonemes the way Piper does it (piper-phonemize {@code phonemize_eSpeak}), using the
 * espeak-ng command ({@code -q --ipa}): the text is cut into clauses at . ? ! , : ; ; each clause's
 * IPA is NFD-decomposed into code points (one phoneme each), language-switch flags such as {@code
 * (en)} are dropped, and the clause's punctuation is appended ({@code , : ;} followed by a space).
 * A sentence ends at . ? or !. One espeak-ng run per clause (its command-line output does not say
 * where its clauses ended).
 */
public final class Phonemizer {
  private final Path espeak;

  public Phonemizer(Path espeak) {
    this.espeak = espeak;
  }

  /** Sentences, each a list of phoneme code points. */
  public List<List<Integer>> phonemize(String text, String voice, Duration timeout)
      throws EngineException {
    if (!EspeakEngine.VOICE_NAME.matcher(voice).matches()) {
      throw new IllegalArgumentException("not an espeak-ng voice name");
    }
    List<List<Integer>> sentences = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Clause c : clauses(EspeakText.sanitize(text))) {
      current.addAll(ipa(c.text(), voice, remaining(deadline, timeout)));
      appendPunctuation(current, c.terminator());
      if (c.terminator() == '.' || c.terminator() == '?' || c.terminator() == '!') {
        sentences.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      sentences.add(current);
    }
    sentences.removeIf(List::isEmpty);
    return sentences;
  }

  /** A clause and the punctuation that ended it (0 at the end of the text). */
  record Clause(String text, char terminator) {}

  static List<Clause> clauses(String text) {
    List<Clause> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      boolean atBreak = i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1));
      if (".?!,:;".indexOf(ch) >= 0 && atBreak) {
        add(out, text.substring(start, i), ch);
        start = i + 1;
      }
    }
    add(out, text.substring(start), (char) 0);
    return out;
  }

  private static void add(List<Clause> out, String text, char terminator) {
    if (!text.isBlank()) {
      out.add(new Clause(text.strip(), terminator));
    }
  }

  private List<Integer> ipa(String clause, String voice, Duration timeout) throws EngineException {
    List<String> cmd = List.of(espeak.toString(), "-q", "--ipa", "-b", "1", "-v", voice, "--stdin");
    ProcessRunner.Result r;
    try {
      r =
          ProcessRunner.run(
              cmd,
              Map.of("LANG", "C.UTF-8"),
              clause.getBytes(StandardCharsets.UTF_8),
              timeout,
              1 << 20);
    } catch (ProcessRunner.RunException e) {
      throw EngineException.of("espeak-ng phonemizer", e, timeout);
    }
    if (r.exitCode() != 0) {
      throw EngineException.failed("espeak-ng phonemizer exited with " + r.exitCode());
    }
    String joined =
        String.join(
            " ",
            new String(r.stdout(), StandardCharsets.UTF_8)
                .strip()
                .lines()
                .map(String::strip)
                .toList());
    return codePoints(Normalizer.normalize(joined, Normalizer.Form.NFD));
  }

  /** Code points without the {@code (lang)} switch flags espeak-ng puts around foreign words. */
  static List<Integer> codePoints(String ipa) {
    List<Integer> out = new ArrayList<>();
    boolean inFlag = false;
    for (int i = 0; i < ipa.length(); ) {
      int cp = ipa.codePointAt(i);
      i += Character.charCount(cp);
      if (inFlag) {
        inFlag = cp != ')';
      } else if (cp == '(') {
        inFlag = true;
      } else {
        out.add(cp);
      }
    }
    return out;
  }

  // SPEC: piper-phonemize src/phonemize.cpp — punctuation appended per clause terminator.
  private static void appendPunctuation(List<Integer> phonemes, char terminator) {
    switch (terminator) {
      case '.', '?', '!' -> phonemes.add((int) terminator);
      case ',', ':', ';' -> {
        phonemes.add((int) terminator);
        phonemes.add((int) ' ');
      }
      default -> {
        // end of text without punctuation
      }
    }
  }

  private static Duration remaining(long deadline, Duration total) throws EngineException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new EngineTimeoutException("espeak-ng phonemizer", total);
    }
    return Duration.ofNanos(left);
  }
}

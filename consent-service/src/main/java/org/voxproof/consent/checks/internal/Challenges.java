package org.voxproof.consent.checks.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.voxproof.consent.checks.Challenge;

/**
 * The consent statements (English and Mandarin) and the fixed lists the random words come from
 * ({@code words-en.txt}, every word in Sphinx4's dictionary; {@code words-zh.txt}).
 */
public final class Challenges {
  private static final List<String> EN = load("words-en.txt");
  private static final List<String> ZH = load("words-zh.txt");

  private final SecureRandom random;

  public Challenges(SecureRandom random) {
    this.random = random;
  }

  /** The random-word list of a language ({@code en} or {@code zh}). */
  public static List<String> words(String language) {
    return switch (language) {
      case "en" -> EN;
      case "zh" -> ZH;
      default -> throw new IllegalArgumentException("no challenge words for " + language);
    };
  }

  /** {@code en} for en, en-US, en-GB...; {@code zh} for zh, zh-CN, cmn...; else the primary tag. */
  public static String normalize(String tag) {
    String primary = tag.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return primary.equals("cmn") ? "zh" : primary;
  }

  /** A fresh challenge in {@code en} or {@code zh} (already normalised). */
  public Challenge make(String lang, String owner, String licensee, List<String> purposes) {
    String who = clean(owner);
    String by = clean(licensee);
    List<String> p = purposes.stream().map(Challenges::purpose).filter(s -> !s.isEmpty()).toList();
    if (who.isEmpty() || by.isEmpty() || p.isEmpty()) {
      throw new IllegalArgumentException("owner, licensee and at least one purpose are required");
    }
    String statement =
        switch (lang) {
          case "en" ->
              "I, "
                  + who
                  + ", agree that "
                  + by
                  + " may use a synthetic copy of my voice for "
                  + join(p, ", ", " and ")
                  + ".";
          case "zh" -> "我，" + who + "，同意" + by + "将我声音的合成副本用于" + join(p, "、", "和") + "。";
          default -> throw new IllegalArgumentException("no consent statement for " + lang);
        };
    return new Challenge(lang, statement, draw(words(lang)));
  }

  private List<String> draw(List<String> list) {
    int n = 3 + random.nextInt(2);
    List<String> pool = new ArrayList<>(list);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(pool.remove(random.nextInt(pool.size())));
    }
    return out;
  }

  private static String purpose(String p) {
    return clean(p.replace('-', ' ').replace('_', ' '));
  }

  private static String clean(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  private static String join(List<String> items, String sep, String last) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(sep, items.subList(0, items.size() - 1))
        + last
        + items.get(items.size() - 1);
  }

  private static List<String> load(String name) {
    try (InputStream in = Challenges.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

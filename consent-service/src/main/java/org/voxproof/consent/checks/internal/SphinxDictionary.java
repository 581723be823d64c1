package org.voxproof.consent.checks.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** The words of Sphinx4's US English dictionary ({@code cmudict-en-us.dict} in sphinx4-data). */
public final class SphinxDictionary {
  /** Where sphinx4-data keeps the dictionary. */
  public static final String RESOURCE = "/edu/cmu/sphinx/models/en-us/cmudict-en-us.dict";

  private static volatile Set<String> words;

  private SphinxDictionary() {}

  /** True when Sphinx can recognize {@code word} (lower case). */
  public static boolean contains(String word) {
    return words().contains(word);
  }

  private static Set<String> words() {
    Set<String> w = words;
    if (w == null) {
      synchronized (SphinxDictionary.class) {
        if (words == null) {
          words = load();
        }
        w = words;
      }
    }
    return w;
  }

  private static Set<String> load() {
    Set<String> out = new HashSet<>(200_000);
    try (InputStream in = SphinxDictionary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("sphinx4-data is not on the class path: " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int sp = line.indexOf(' ');
        if (sp <= 0) {
          continue;
        }
        String word = line.substring(0, sp);
        int paren = word.indexOf('(');
        out.add(paren > 0 ? word.substring(0, paren) : word);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }
}

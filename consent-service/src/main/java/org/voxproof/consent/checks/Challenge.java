package org.voxproof.consent.checks;

import java.util.List;
import java.util.Objects;

/**
 * What the owner must say: the full text shown to them ({@code phrase}, the statement followed by
 * the random words), in {@code language}.
 */
public record Challenge(String language, String statement, List<String> words) {
  public Challenge {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(statement, "statement");
    words = List.copyOf(words);
  }

  /** The text the owner reads aloud. */
  public String phrase() {
    return words.isEmpty() ? statement : statement + " " + String.join(" ", words);
  }
}

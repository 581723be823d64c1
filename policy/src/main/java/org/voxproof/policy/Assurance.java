package org.voxproof.policy;

import java.util.Optional;

/**
 * How strongly a consent's checks were backed (DESIGN.md "Assurance"): {@code basic} when a check
 * ran on built-in fallbacks, {@code high} when configured models ran. Ordered: {@code HIGH} is at
 * least {@code BASIC}.
 */
public enum Assurance {
  BASIC("basic"),
  HIGH("high");

  private final String code;

  Assurance(String code) {
    this.code = code;
  }

  /** The name as tokens and manifests carry it. */
  public String code() {
    return code;
  }

  /** True when this assurance meets {@code minimum}. */
  public boolean atLeast(Assurance minimum) {
    return compareTo(minimum) >= 0;
  }

  /** The assurance with this name ({@code basic} or {@code high}). */
  public static Optional<Assurance> fromCode(String code) {
    for (Assurance a : values()) {
      if (a.code.equals(code)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}

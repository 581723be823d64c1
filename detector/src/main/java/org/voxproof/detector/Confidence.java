package org.voxproof.detector;

import java.util.Locale;

/**
 * How sure the detector is of its verdict. Platform keys see only the {@link Level}; police and
 * operator keys also see the number (DESIGN.md "What the detector tells whom": fine-grained scores
 * help an attacker remove a mark).
 *
 * @param value probability-like figure in [0, 1]
 */
public record Confidence(double value) {
  /** Coarse levels: high ≥ 0.999, medium ≥ 0.9, else low. */
  public enum Level {
    HIGH,
    MEDIUM,
    LOW;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Confidence {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1]: " + value);
    }
  }

  public Level level() {
    if (value >= 0.999) {
      return Level.HIGH;
    }
    return value >= 0.9 ? Level.MEDIUM : Level.LOW;
  }
}

package org.voxproof.app.server;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@code serve --profile}: {@code evaluation} (the default: runs anywhere on built-in fallbacks and
 * says so at start-up) or {@code production} (fails closed: see {@link ProductionRequirements}; no
 * consent token below assurance {@code high}).
 */
public enum Profile {
  EVALUATION("evaluation"),
  PRODUCTION("production");

  private final String cliName;

  Profile(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  /** The profile of a {@code --profile} value. */
  public static Optional<Profile> of(String name) {
    return Arrays.stream(values()).filter(p -> p.cliName.equals(name)).findFirst();
  }
}

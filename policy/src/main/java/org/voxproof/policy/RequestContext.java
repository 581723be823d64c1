package org.voxproof.policy;

import java.util.Objects;

/**
 * Facts about the request itself, passed to Cedar as {@code context}: the purpose and language
 * asked for ("" where they do not apply) and whether a legal basis was recorded (police access).
 */
public record RequestContext(String purpose, String language, boolean legalBasisRecorded) {
  /** No purpose, no language, no legal basis. */
  public static final RequestContext NONE = new RequestContext("", "", false);

  public RequestContext {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(language, "language");
  }

  /** A synthesis context. */
  public static RequestContext of(String purpose, String language) {
    return new RequestContext(purpose, language, false);
  }

  /** A police context with a recorded legal basis. */
  public static RequestContext withLegalBasis() {
    return new RequestContext("", "", true);
  }
}

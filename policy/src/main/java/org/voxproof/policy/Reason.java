package org.voxproof.policy;

import java.util.Optional;

/**
 * Why a request was refused: stable, machine-readable names (they appear in problem+json {@code
 * reasons}; outside checks depend on them, so they are extended, never renamed). The first three
 * are fixed by DESIGN.md.
 */
public enum Reason {
  /** The authorization policy (Cedar) does not permit the action. */
  POLICY_DENIED("policy_denied"),
  /** The purpose or language is not one the consent covers. */
  OUT_OF_SCOPE("out_of_scope"),
  /** The client's rate limit is spent; retry after the given seconds. */
  RATE_LIMITED("rate_limited"),
  /** The consent's character quota for the day is spent. */
  QUOTA_EXCEEDED("quota_exceeded"),
  /** The voice is on the operator's no-go list. */
  VOICE_BLOCKED("voice_blocked"),
  /** The text matches a content rule for this purpose that the consent does not lift. */
  CONTENT_NOT_ALLOWED("content_not_allowed"),
  /** The consent's assurance is below the minimum the purpose requires. */
  ASSURANCE_TOO_LOW("assurance_too_low"),
  /** The jurisdiction requires an audible disclosure and none is configured for the language. */
  DISCLOSURE_UNAVAILABLE("disclosure_unavailable");

  private final String code;

  Reason(String code) {
    this.code = code;
  }

  /** The stable name, e.g. {@code out_of_scope}. */
  public String code() {
    return code;
  }

  /** The reason with this stable name, if any. */
  public static Optional<Reason> fromCode(String code) {
    for (Reason r : values()) {
      if (r.code.equals(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}

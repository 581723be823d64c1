package org.voxproof.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A policy decision as data: allowed, or refused with stable {@link Reason}s. A refusal for rate or
 * quota says when to retry; an allowed synthesis says what it must carry ({@link Obligations}).
 * {@code detail} is for operators (policy and rule ids, never text or names).
 */
public record Decision(
    boolean allowed,
    List<Reason> reasons,
    String detail,
    OptionalLong retryAfterSeconds,
    Optional<Obligations> obligations) {

  public Decision {
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(retryAfterSeconds, "retryAfterSeconds");
    Objects.requireNonNull(obligations, "obligations");
    if (allowed != reasons.isEmpty()) {
      throw new IllegalArgumentException("a refusal needs reasons and an allow has none");
    }
    if (allowed && retryAfterSeconds.isPresent()) {
      throw new IllegalArgumentException("an allow has no retry time");
    }
    if (!allowed && obligations.isPresent()) {
      throw new IllegalArgumentException("a refusal has no obligations");
    }
  }

  /** Allowed, with nothing to carry (authorization decisions). */
  public static Decision allow() {
    return new Decision(true, List.of(), "", OptionalLong.empty(), Optional.empty());
  }

  /** Allowed synthesis that must carry {@code obligations}. */
  public static Decision allow(Obligations obligations) {
    return new Decision(true, List.of(), "", OptionalLong.empty(), Optional.of(obligations));
  }

  /** Refused for {@code reasons}. */
  public static Decision deny(List<Reason> reasons, String detail) {
    return new Decision(false, reasons, detail, OptionalLong.empty(), Optional.empty());
  }

  /** Refused for one reason. */
  public static Decision deny(Reason reason, String detail) {
    return deny(List.of(reason), detail);
  }

  /** Refused, retry after {@code seconds} (rate limits, quotas). */
  public static Decision denyRetryAfter(Reason reason, String detail, long seconds) {
    if (seconds < 1) {
      throw new IllegalArgumentException("retry-after must be at least 1 s");
    }
    return new Decision(false, List.of(reason), detail, OptionalLong.of(seconds), Optional.empty());
  }

  /** The reasons' stable names, in order. */
  public List<String> reasonCodes() {
    return reasons.stream().map(Reason::code).toList();
  }

  /** Returns normally when allowed; otherwise throws with this decision. */
  public void requireAllowed() throws PolicyDeniedException {
    if (!allowed) {
      throw new PolicyDeniedException(this);
    }
  }

  @Override
  public String toString() {
    return allowed ? "Decision[allow]" : "Decision[deny " + reasonCodes() + "]";
  }
}

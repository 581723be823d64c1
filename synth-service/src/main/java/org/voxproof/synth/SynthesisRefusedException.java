package org.voxproof.synth;

import java.util.List;
import java.util.OptionalLong;
import org.voxproof.policy.Decision;
import org.voxproof.policy.Reason;

/**
 * The request was refused: by policy (the decision's reasons), or because the consent expired in
 * the meantime. HTTP: 429 with Retry-After for {@code rate_limited} and {@code quota_exceeded},
 * else 403, with {@code reasons} in the problem+json body.
 */
public class SynthesisRefusedException extends SynthException {
  private static final long serialVersionUID = 1L;

  private final List<String> reasons;
  private final OptionalLong retryAfterSeconds;

  public SynthesisRefusedException(Decision d) {
    super(d.reasonCodes().get(0), "refused: " + String.join(", ", d.reasonCodes()));
    this.reasons = d.reasonCodes();
    this.retryAfterSeconds = d.retryAfterSeconds();
  }

  SynthesisRefusedException(String reason, String message) {
    super(reason, message);
    this.reasons = List.of(reason);
    this.retryAfterSeconds = OptionalLong.empty();
  }

  /** Every reason, stable names. */
  public List<String> reasons() {
    return reasons;
  }

  public OptionalLong retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** 429 for rate and quota refusals, 403 otherwise. */
  public int httpStatus() {
    boolean tooMany =
        reasons.contains(Reason.RATE_LIMITED.code())
            || reasons.contains(Reason.QUOTA_EXCEEDED.code());
    return tooMany ? 429 : 403;
  }
}

package org.voxproof.consent.token;

import org.voxproof.consent.ConsentException;

/**
 * The consent's current status could not be established (the consent service or its status list is
 * unreachable, or answered something unusable). Verification fails closed: a service maps this to
 * 503 with {@code Retry-After}, never to a pass.
 */
public final class StatusUnavailableException extends ConsentException {
  private static final long serialVersionUID = 1L;

  /** The stable reason. */
  public static final String CODE = "unavailable";

  public StatusUnavailableException(String message) {
    super(CODE, message);
  }

  public StatusUnavailableException(String message, Throwable cause) {
    super(CODE, message, cause);
  }
}

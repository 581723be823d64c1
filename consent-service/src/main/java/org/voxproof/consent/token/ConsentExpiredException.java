package org.voxproof.consent.token;

/** The token's consent has expired. Reason {@code consent_expired}. */
public final class ConsentExpiredException extends ConsentTokenException {
  private static final long serialVersionUID = 1L;

  /** The stable reason. */
  public static final String CODE = "consent_expired";

  public ConsentExpiredException(String message) {
    super(CODE, message);
  }

  public ConsentExpiredException(String message, Throwable cause) {
    super(CODE, message, cause);
  }
}

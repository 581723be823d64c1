package org.voxproof.consent.token;

/** The token's consent was revoked (or the voice erased). Reason {@code consent_revoked}. */
public final class ConsentRevokedException extends ConsentTokenException {
  private static final long serialVersionUID = 1L;

  /** The stable reason. */
  public static final String CODE = "consent_revoked";

  public ConsentRevokedException(String message) {
    super(CODE, message);
  }

  public ConsentRevokedException(String message, Throwable cause) {
    super(CODE, message, cause);
  }
}

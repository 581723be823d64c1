package org.voxproof.consent.token;

/**
 * The token does not verify (signature, algorithm, header, format, issuer or validity window).
 * Reason {@code invalid_token}.
 */
public final class InvalidTokenException extends ConsentTokenException {
  private static final long serialVersionUID = 1L;

  /** The stable reason. */
  public static final String CODE = "invalid_token";

  public InvalidTokenException(String message) {
    super(CODE, message);
  }

  public InvalidTokenException(String message, Throwable cause) {
    super(CODE, message, cause);
  }
}

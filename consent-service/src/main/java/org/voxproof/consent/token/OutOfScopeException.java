package org.voxproof.consent.token;

/** The token is genuine but not for this use (another audience). Reason {@code out_of_scope}. */
public final class OutOfScopeException extends ConsentTokenException {
  private static final long serialVersionUID = 1L;

  /** The stable reason. */
  public static final String CODE = "out_of_scope";

  public OutOfScopeException(String message) {
    super(CODE, message);
  }

  public OutOfScopeException(String message, Throwable cause) {
    super(CODE, message, cause);
  }
}

package org.voxproof.consent;

/**
 * Base of every checked exception of the consent module. Each carries a stable machine-readable
 * {@link #code()} that the HTTP layer puts in problem+json.
 */
public class ConsentException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;

  public ConsentException(String code, String message) {
    super(message);
    this.code = code;
  }

  public ConsentException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** Stable reason, e.g. {@code unsupported_language}, {@code model_error}. */
  public String code() {
    return code;
  }
}

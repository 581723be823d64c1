package org.voxproof.consent.store;

/**
 * The consent store could not be reached from a place that cannot throw checked exceptions (the
 * {@link org.voxproof.consent.checks.ReplayIndex} seam); the HTTP layer answers 503.
 */
public final class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

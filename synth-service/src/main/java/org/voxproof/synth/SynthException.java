package org.voxproof.synth;

/**
 * The synth-service's exception base. Every subclass carries a stable {@link #reason()} (the
 * problem+json {@code type} suffix the HTTP layer will use).
 */
public class SynthException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public SynthException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public SynthException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Stable machine-readable name, e.g. {@code engine_unavailable}. */
  public String reason() {
    return reason;
  }
}

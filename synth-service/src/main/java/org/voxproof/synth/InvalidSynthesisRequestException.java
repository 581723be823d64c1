package org.voxproof.synth;

/**
 * The request itself is unusable (HTTP 400): {@code text_empty}, {@code text_too_long}, {@code
 * text_invalid} (control characters), {@code language_invalid}.
 */
public class InvalidSynthesisRequestException extends SynthException {
  private static final long serialVersionUID = 1L;

  public InvalidSynthesisRequestException(String reason, String message) {
    super(reason, message);
  }
}

package org.voxproof.synth;

/**
 * The request itself is unusable (HTTP 400): {@code text_empty}, {@code text_too_long}, {@code
 * text_invalid} (control characters), {@code language_invalid}, {@code purpose_invalid}; over HTTP
 * also {@code bad_request} (not the expected JSON) and {@code format_invalid}.
 */
public class InvalidSynthesisRequestException extends SynthException {
  private static final long serialVersionUID = 1L;

  public InvalidSynthesisRequestException(String reason, String message) {
    super(reason, message);
  }
}

package org.voxproof.consent.api;

import java.util.List;
import org.voxproof.consent.ConsentException;

/**
 * A request the consent API refuses; {@link #code()} is the stable reason of the problem+json
 * answer, {@link #status()} its HTTP status, and {@link #reasons()} the failed checks of a 422.
 * Messages are written for the client: never personal data, secrets or internals.
 */
public final class ConsentApiException extends ConsentException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final List<String> reasons;

  private ConsentApiException(int status, String code, String message, List<String> reasons) {
    super(code, message);
    this.status = status;
    this.reasons = List.copyOf(reasons);
  }

  public int status() {
    return status;
  }

  /** The failed checks ({@code phrase_mismatch}, {@code expired}, ...); empty unless 422. */
  public List<String> reasons() {
    return reasons;
  }

  static ConsentApiException badRequest(String message) {
    return new ConsentApiException(400, "bad_request", message, List.of());
  }

  static ConsentApiException unsupportedLanguage(String message) {
    return new ConsentApiException(400, "unsupported_language", message, List.of());
  }

  static ConsentApiException notFound(String message) {
    return new ConsentApiException(404, "not_found", message, List.of());
  }

  static ConsentApiException conflict(String code, String message) {
    return new ConsentApiException(409, code, message, List.of());
  }

  static ConsentApiException refused(String code, String message, List<String> reasons) {
    return new ConsentApiException(422, code, message, reasons);
  }
}

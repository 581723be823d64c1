package org.voxproof.consent.token;

import org.voxproof.consent.ConsentException;

/**
 * A consent token was refused. {@link #code()} is the stable reason of DESIGN.md's fixed names:
 * {@code invalid_token} (does not verify: signature, algorithm, header tricks, format, issuer, not
 * yet valid), {@code consent_expired}, {@code consent_revoked} or {@code out_of_scope} (another
 * audience). Each has its own subclass so a service maps them to 403 problems by type.
 */
public abstract class ConsentTokenException extends ConsentException {
  private static final long serialVersionUID = 1L;

  ConsentTokenException(String code, String message) {
    super(code, message);
  }

  ConsentTokenException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}

package org.voxproof.ledger;

/**
 * The ledger node of a scaled-out deployment ({@code serve --only ledger}) cannot be reached, timed
 * out, or answered with an error that is not the caller's (503, a refused service key, a malformed
 * answer). Whether an append took effect is unknown; appends are idempotent on the record id, so
 * retrying is safe. Services answer it with 503 {@code ledger_unavailable}.
 */
public class LedgerUnavailableException extends LedgerStorageException {
  private static final long serialVersionUID = 1L;

  public LedgerUnavailableException(String message) {
    super(message);
  }

  public LedgerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.voxproof.ledger;

/** Too many appends are waiting; retry after a short pause (503 + Retry-After). */
public class LedgerOverloadedException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public LedgerOverloadedException(String message) {
    super(message);
  }

  public LedgerOverloadedException(String message, Throwable cause) {
    super(message, cause);
  }
}

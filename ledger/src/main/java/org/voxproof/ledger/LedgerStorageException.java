package org.voxproof.ledger;

/** The storage failed; the operation had no effect. Retry later. */
public class LedgerStorageException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public LedgerStorageException(String message) {
    super(message);
  }

  public LedgerStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}

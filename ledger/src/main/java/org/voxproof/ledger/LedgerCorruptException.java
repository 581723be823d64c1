package org.voxproof.ledger;

/** Stored data does not verify: the log was modified or damaged. */
public class LedgerCorruptException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public LedgerCorruptException(String message) {
    super(message);
  }

  public LedgerCorruptException(String message, Throwable cause) {
    super(message, cause);
  }
}

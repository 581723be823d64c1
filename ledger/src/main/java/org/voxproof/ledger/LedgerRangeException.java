package org.voxproof.ledger;

/** A bad index or tree size was asked for (index >= size, size beyond the log). */
public class LedgerRangeException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public LedgerRangeException(String message) {
    super(message);
  }

  public LedgerRangeException(String message, Throwable cause) {
    super(message, cause);
  }
}

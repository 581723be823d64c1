package org.voxproof.ledger;

/** A record with this id exists with other content, or the watermark is taken. */
public class LedgerConflictException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public LedgerConflictException(String message) {
    super(message);
  }

  public LedgerConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.voxproof.ledger;

/** No entry at this index or with this id. */
public class LedgerNotFoundException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public LedgerNotFoundException(String message) {
    super(message);
  }

  public LedgerNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}

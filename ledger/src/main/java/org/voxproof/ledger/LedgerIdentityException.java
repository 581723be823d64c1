package org.voxproof.ledger;

/**
 * The log's identity (its origin or checkpoint key) is not the one the caller gave. The identity is
 * fixed when the log is created; a log is never silently re-keyed or renamed.
 */
public class LedgerIdentityException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public LedgerIdentityException(String message) {
    super(message);
  }
}

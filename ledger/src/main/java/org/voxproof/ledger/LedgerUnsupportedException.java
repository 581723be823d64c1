package org.voxproof.ledger;

/** This backend does not offer this operation (e.g. Merkle proofs on Fabric). */
public class LedgerUnsupportedException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public LedgerUnsupportedException(String message) {
    super(message);
  }

  public LedgerUnsupportedException(String message, Throwable cause) {
    super(message, cause);
  }
}

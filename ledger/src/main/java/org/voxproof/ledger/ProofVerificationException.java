package org.voxproof.ledger;

/**
 * A proof, checkpoint or signed note did not verify. {@link #reason()} names what failed; the
 * message adds detail for humans.
 */
public final class ProofVerificationException extends LedgerException {
  private static final long serialVersionUID = 1L;

  /** Stable reasons, usable in evidence reports. */
  public enum Reason {
    MALFORMED,
    UNKNOWN_KEY,
    BAD_SIGNATURE,
    ORIGIN_MISMATCH,
    SIZE_MISMATCH,
    ROOT_MISMATCH,
    LEAF_MISMATCH,
    INDEX_OUT_OF_RANGE,
  }

  private final Reason reason;

  public ProofVerificationException(Reason reason, String message) {
    super(reason.name().toLowerCase(java.util.Locale.ROOT) + ": " + message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

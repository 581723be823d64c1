package org.voxproof.provenance;

import java.util.Objects;

/** An evidence bundle did not verify; {@link #reason()} is a stable machine-readable word. */
public final class EvidenceInvalidException extends ProvenanceException {
  private static final long serialVersionUID = 1L;

  /** Stable reasons. */
  public enum Reason {
    MALFORMED("malformed"),
    BAD_SIGNATURE("bad_signature"),
    UNTRUSTED_SIGNER("untrusted_signer"),
    LEDGER_PROOF_INVALID("ledger_proof_invalid"),
    FILE_HASH_MISMATCH("file_hash_mismatch");

    public final String word;

    Reason(String word) {
      this.word = word;
    }
  }

  private final Reason reason;

  public EvidenceInvalidException(Reason reason, String message) {
    super(reason.word + ": " + message);
    this.reason = Objects.requireNonNull(reason);
  }

  public EvidenceInvalidException(Reason reason, String message, Throwable cause) {
    super(reason.word + ": " + message, cause);
    this.reason = Objects.requireNonNull(reason);
  }

  public Reason reason() {
    return reason;
  }
}

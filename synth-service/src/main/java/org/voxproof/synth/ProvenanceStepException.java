package org.voxproof.synth;

/**
 * A step after the engine failed — watermark, encoding, signing or the ledger append — so nothing
 * was released (HTTP 503 with Retry-After). Reasons: {@code watermark_failed}, {@code
 * encoding_failed}, {@code signing_failed}, {@code ledger_unavailable}.
 */
public class ProvenanceStepException extends SynthException {
  private static final long serialVersionUID = 1L;

  public ProvenanceStepException(String reason, String message, Throwable cause) {
    super(reason, message, cause);
  }
}

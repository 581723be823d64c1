package org.voxproof.detector;

import java.util.Objects;

/**
 * The file could not be examined; {@link #reason()} is stable (the audio module's reasons such as
 * {@code not_audio}, {@code truncated}, {@code too_large}; or, when a backing service failed,
 * {@code ledger_unavailable} (the ledger, also another node's), {@code consent_unavailable} (the
 * consent service's status or disclosure) or {@code unavailable} (key ring, model, evidence
 * signer)).
 */
public final class DetectorException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String reason;
  private final boolean clientFault;

  public DetectorException(String reason, String message, boolean clientFault, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason);
    this.clientFault = clientFault;
  }

  public String reason() {
    return reason;
  }

  /** True when the input is at fault (4xx); false when a backing service failed (503). */
  public boolean clientFault() {
    return clientFault;
  }
}

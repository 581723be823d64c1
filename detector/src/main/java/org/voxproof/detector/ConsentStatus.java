package org.voxproof.detector;

import java.util.Locale;

/** The status now of the consent a synthesis was made under (DESIGN.md fixed names). */
public enum ConsentStatus {
  ACTIVE,
  REVOKED,
  EXPIRED,
  ERASED,
  /** The consent service does not know the commitment (another deployment, or not resolvable). */
  UNKNOWN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Resolves a ledger record's consent commitment to the consent's status now. */
  @FunctionalInterface
  public interface Source {
    ConsentStatus status(byte[] consentCommitment) throws Exception;
  }
}

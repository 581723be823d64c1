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

  /**
   * The status of a wire name ({@code active}, {@code revoked}, {@code expired}, {@code erased});
   * anything else, or nothing (the consent service does not know the commitment), is {@link
   * #UNKNOWN}. Wiring: {@code c -> ConsentStatus.fromWire(consent.statusOfCommitment(c))}.
   */
  public static ConsentStatus fromWire(java.util.Optional<String> wire) {
    for (ConsentStatus s : values()) {
      if (wire.isPresent() && s != UNKNOWN && s.wire().equals(wire.get())) {
        return s;
      }
    }
    return UNKNOWN;
  }

  /** Resolves a ledger record's consent commitment to the consent's status now. */
  @FunctionalInterface
  public interface Source {
    ConsentStatus status(byte[] consentCommitment) throws Exception;
  }
}

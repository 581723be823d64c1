package org.voxproof.provenance;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.voxproof.ledger.fabric.VerifiedFabricTransaction;

/**
 * An evidence bundle that verified: signature, signer chain to a trust anchor, ledger proof (when
 * present) and, when the audio was given, its hash. Only {@link EvidenceVerifier} makes one.
 */
public final class VerifiedEvidence {
  private final Evidence evidence;
  private final String signer;
  private final OptionalLong ledgerIndexVerified;
  private final Optional<VerifiedFabricTransaction> fabricTransaction;
  private final boolean audioChecked;

  VerifiedEvidence(
      Evidence evidence,
      String signer,
      OptionalLong ledgerIndexVerified,
      Optional<VerifiedFabricTransaction> fabricTransaction,
      boolean audioChecked) {
    this.evidence = Objects.requireNonNull(evidence);
    this.signer = Objects.requireNonNull(signer);
    this.ledgerIndexVerified = Objects.requireNonNull(ledgerIndexVerified);
    this.fabricTransaction = Objects.requireNonNull(fabricTransaction);
    this.audioChecked = audioChecked;
  }

  /** What the bundle states. */
  public Evidence evidence() {
    return evidence;
  }

  /** The operator's evidence-signing certificate subject. */
  public String signer() {
    return signer;
  }

  /** The ledger index the inclusion proof established, when the bundle had a ledger part. */
  public OptionalLong ledgerIndexVerified() {
    return ledgerIndexVerified;
  }

  /**
   * For Fabric and hybrid evidence: the verified transaction (the record's, or the anchor of the
   * checkpoint) with the organisations that endorsed it.
   */
  public Optional<VerifiedFabricTransaction> fabricTransaction() {
    return fabricTransaction;
  }

  /** Whether the examined audio was given, re-hashed and matched. */
  public boolean audioChecked() {
    return audioChecked;
  }

  @Override
  public String toString() {
    return "VerifiedEvidence[" + evidence.fileSha256() + ", " + evidence.verdict() + "]";
  }
}

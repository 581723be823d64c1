package org.voxproof.detector;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.provenance.Evidence;
import org.voxproof.provenance.EvidenceSigner;
import org.voxproof.provenance.LedgerFindings;
import org.voxproof.provenance.ProvenanceException;

/**
 * Turns a {@link Report} into a signed evidence bundle that {@code voxproof verify-evidence} checks
 * offline: the file's SHA-256 and size, the manifest and watermark findings, the ledger record with
 * its proof from the ledger ({@link LedgerFindings}: tlog proof and signed checkpoint on the
 * embedded log, the transaction on Fabric), the consent status now, the verdict and its reasons,
 * signed by the key ring's evidence signer. Blocking (ledger); thread-safe.
 *
 * <pre>{@code
 * EvidenceIssuer issuer = new EvidenceIssuer(EvidenceSigner.builder().keyRing(ring).build(),
 *     ledger, ring.checkpointSigner(ledger.origin()).verifier().verifierKey(), Clock.systemUTC());
 * String bundle = issuer.issue(report, bytes, false);
 * }</pre>
 */
public final class EvidenceIssuer {
  private final EvidenceSigner signer;
  private final ProvenanceLedger ledger;
  private final String verifierKey;
  private final Clock clock;

  /**
   * @param verifierKey the embedded log's note verifier key (for Fabric evidence: unused, may be
   *     empty)
   */
  public EvidenceIssuer(
      EvidenceSigner signer, ProvenanceLedger ledger, String verifierKey, Clock clock) {
    this.signer = Objects.requireNonNull(signer);
    this.ledger = Objects.requireNonNull(ledger);
    this.verifierKey = Objects.requireNonNull(verifierKey);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * The bundle (one line of compact JWS, newline-terminated) for {@code report} on {@code file}.
   *
   * @param withFalseAlarm whether the watermark's {@code pFalseAlarm} goes in (investigators only:
   *     fine-grained scores help an attacker remove a mark)
   */
  public String issue(Report report, byte[] file, boolean withFalseAlarm) throws DetectorException {
    Optional<LedgerFindings> findings = ledgerFindings(report.record());
    var mark = report.mark();
    Evidence e =
        new Evidence(
            Evidence.sha256Hex(file),
            file.length,
            clock.instant(),
            Evidence.ManifestFindings.from(report.manifest()),
            new Evidence.WatermarkFindings(
                mark.found(),
                mark.payload().map(p -> p.hex()),
                withFalseAlarm && mark.found()
                    ? OptionalDouble.of(mark.pFalseAlarm())
                    : OptionalDouble.empty()),
            findings,
            report.consent().wire(),
            report.verdict().wire(),
            report.assessment().reasons());
    try {
      return signer.sign(e);
    } catch (ProvenanceException ex) {
      throw new DetectorException("unavailable", "evidence signing failed", false, ex);
    }
  }

  private Optional<LedgerFindings> ledgerFindings(Optional<LedgerEntry> record)
      throws DetectorException {
    if (record.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LedgerFindings.of(
              ledger.evidence(record.get().record().id()), ledger.origin(), verifierKey));
    } catch (LedgerException ex) {
      throw new DetectorException("ledger_unavailable", "ledger proof unavailable", false, ex);
    }
  }
}

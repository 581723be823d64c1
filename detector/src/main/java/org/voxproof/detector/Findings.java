package org.voxproof.detector;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.provenance.ManifestReport;
import org.voxproof.watermark.Detection;

/**
 * What the pipeline found in one file, before any judgement: the input of {@link VerdictRules}.
 *
 * @param manifest the C2PA report, validated against the operator's trust anchors (a manifest of
 *     another signer is at best {@code Valid}, never {@code Trusted})
 * @param mark the watermark detection over every current and retired key
 * @param recordByPayload the ledger record carrying the detected payload, when a mark was found
 * @param recordByManifest the ledger record whose id is the manifest's VoxProof manifest id, when
 *     the manifest names one
 * @param spoofScore the anti-spoofing classifier's score in [0, 1], when one is configured
 * @param spoofThreshold the score at or above which the classifier says "synthetic"
 */
public record Findings(
    ManifestReport manifest,
    Detection mark,
    Optional<LedgerEntry> recordByPayload,
    Optional<LedgerEntry> recordByManifest,
    OptionalDouble spoofScore,
    double spoofThreshold) {
  public Findings {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(mark, "mark");
    Objects.requireNonNull(recordByPayload, "recordByPayload");
    Objects.requireNonNull(recordByManifest, "recordByManifest");
    Objects.requireNonNull(spoofScore, "spoofScore");
  }
}

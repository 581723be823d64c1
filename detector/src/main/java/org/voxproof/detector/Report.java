package org.voxproof.detector;

import java.util.Objects;
import java.util.Optional;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.provenance.ManifestReport;
import org.voxproof.watermark.Detection;

/**
 * Everything the detector found in one file and its judgement. Which parts a caller may see depends
 * on its role: see {@link ReportJson}.
 *
 * @param assessment verdict, reasons, confidence
 * @param mark the watermark detection
 * @param manifest the C2PA report
 * @param record the ledger record the file resolves to (by manifest id, else by payload)
 * @param consent the status now of the record's consent ({@link ConsentStatus#UNKNOWN} when there
 *     is no record)
 * @param mediaType the real type found in the bytes
 * @param durationSeconds decoded duration
 */
public record Report(
    Assessment assessment,
    Detection mark,
    ManifestReport manifest,
    Optional<LedgerEntry> record,
    ConsentStatus consent,
    String mediaType,
    double durationSeconds) {
  public Report {
    Objects.requireNonNull(assessment);
    Objects.requireNonNull(mark);
    Objects.requireNonNull(manifest);
    Objects.requireNonNull(record);
    Objects.requireNonNull(consent);
    Objects.requireNonNull(mediaType);
  }

  public Verdict verdict() {
    return assessment.verdict();
  }
}

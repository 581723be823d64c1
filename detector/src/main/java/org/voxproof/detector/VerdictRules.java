package org.voxproof.detector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.provenance.ManifestReport;
import org.voxproof.provenance.ValidationStatus;
import org.voxproof.provenance.VoxProofAssertions;
import org.voxproof.watermark.Detection;

/**
 * The judgement: {@link Findings} in, one {@link Assessment} out. Pure and deterministic; every
 * branch is a row of the table in the detector README.
 *
 * <p>A mark counts as ours only when its payload resolves to a ledger record: the watermark's own
 * false-alarm bound (≤ 1e-6 per file) is then multiplied by the chance that a random 32-bit payload
 * names a real record, and a mark made outside the pipeline (which always records) is not reported
 * as ours.
 */
public final class VerdictRules {
  /** Confidence of a verdict that rests on a valid signature or a failed cryptographic check. */
  static final double CRYPTO = 1.0 - 1e-9;

  private VerdictRules() {}

  public static Assessment assess(Findings f) {
    List<String> reasons = new ArrayList<>();
    ManifestReport m = f.manifest();
    Detection mark = f.mark();
    boolean markOurs = mark.found() && f.recordByPayload().isPresent();
    if (mark.found()) {
      reasons.add(markOurs ? "watermark_found" : "watermark_unresolved");
    } else {
      reasons.add("watermark_not_found");
    }

    if (m.present() && !m.isValid()) {
      reasons.add("manifest_invalid");
      reasons.addAll(manifestFailures(m));
      return new Assessment(Verdict.TAMPERED, reasons, new Confidence(CRYPTO));
    }
    if (m.present() && m.isTrusted() && m.voxproof().isPresent()) {
      return ours(f, m.voxproof().get(), markOurs, reasons);
    }
    if (m.present()) { // valid, but another signer (or no VoxProof assertions)
      reasons.add("manifest_foreign");
      if (markOurs) {
        reasons.add("watermark_mismatch");
        return new Assessment(Verdict.TAMPERED, reasons, markConfidence(mark));
      }
      return new Assessment(Verdict.FOREIGN_C2PA, reasons, new Confidence(CRYPTO));
    }
    reasons.add("manifest_missing");
    if (markOurs) {
      reasons.add("ledger_record_found");
      return new Assessment(Verdict.SYNTHETIC_MANIFEST_STRIPPED, reasons, markConfidence(mark));
    }
    return classifier(f, reasons);
  }

  private static Assessment ours(
      Findings f, VoxProofAssertions a, boolean markOurs, List<String> reasons) {
    reasons.add("manifest_valid");
    Optional<LedgerEntry> record = f.recordByManifest();
    if (record.isEmpty()) {
      // We signed it, yet the log has no record of it: the log or the file was tampered with.
      reasons.add("ledger_record_missing");
      return new Assessment(Verdict.TAMPERED, reasons, new Confidence(CRYPTO));
    }
    reasons.add("ledger_record_found");
    if (markOurs && !agrees(a, f.recordByPayload().get(), record.get())) {
      reasons.add("watermark_mismatch");
      return new Assessment(Verdict.TAMPERED, reasons, new Confidence(CRYPTO));
    }
    return new Assessment(Verdict.VERIFIED_SYNTHETIC, reasons, new Confidence(CRYPTO));
  }

  /** The mark's record is the manifest's record, and the manifest names the mark's payload. */
  private static boolean agrees(VoxProofAssertions a, LedgerEntry byPayload, LedgerEntry byId) {
    if (byPayload.index() != byId.index()) {
      return false;
    }
    String hex = byPayload.record().watermarkHex();
    return a.watermarkPayload().isEmpty()
        || hex.equals(String.format("%08x", a.watermarkPayload().getAsLong() & 0xffffffffL));
  }

  private static Assessment classifier(Findings f, List<String> reasons) {
    if (f.spoofScore().isEmpty()) {
      reasons.add("classifier_not_configured");
      return new Assessment(Verdict.NO_PROVENANCE_FOUND, reasons, new Confidence(0.5));
    }
    double s = clamp(f.spoofScore().getAsDouble());
    if (s >= f.spoofThreshold()) {
      reasons.add("classifier_synthetic");
      return new Assessment(Verdict.SUSPECTED_SYNTHETIC, reasons, new Confidence(s));
    }
    reasons.add("classifier_bona_fide");
    return new Assessment(Verdict.NO_PROVENANCE_FOUND, reasons, new Confidence(1 - s));
  }

  /** 1 − the per-file false-alarm bound of the mark. */
  private static Confidence markConfidence(Detection mark) {
    return new Confidence(clamp(1 - mark.pFalseAlarm()));
  }

  /** Stable reasons for the C2PA failure codes that matter to a reader. */
  static List<String> manifestFailures(ManifestReport m) {
    List<String> out = new ArrayList<>();
    for (String code : m.failureCodes()) {
      String r =
          switch (code) {
            case ValidationStatus.DATA_HASH_MISMATCH -> "hard_binding_mismatch";
            case ValidationStatus.CLAIM_SIGNATURE_MISMATCH -> "signature_invalid";
            case ValidationStatus.HASHED_URI_MISMATCH -> "assertion_hash_mismatch";
            case ValidationStatus.SIGNING_CREDENTIAL_INVALID -> "signing_credential_invalid";
            case ValidationStatus.HARD_BINDINGS_MISSING -> "hard_binding_missing";
            default -> "manifest_damaged";
          };
      if (!out.contains(r)) {
        out.add(r);
      }
    }
    return out;
  }

  private static double clamp(double v) {
    return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
  }
}

package org.voxproof.detector.http;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.UUID;
import org.voxproof.detector.DetectorException;
import org.voxproof.detector.Report;
import org.voxproof.detector.ReportJson;
import org.voxproof.detector.http.Caller.Audience;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.LedgerRecord;

/**
 * One file examined for one caller: the detector's report cut to the caller's view, the police
 * access logged in the ledger first (a police answer never leaves without its audit record), and
 * the signed evidence bundle when asked for. Blocking: runs on a worker.
 */
final class Examiner {
  private final DetectorService s;

  Examiner(DetectorService s) {
    this.s = s;
  }

  /**
   * @param legalBasisHash for police: the hash the audit record holds
   * @param withEvidence whether to add {@code evidence}, the signed bundle
   */
  JsonObject examine(
      byte[] file, Audience audience, Optional<byte[]> legalBasisHash, boolean withEvidence)
      throws DetectorException {
    Report r = s.detector.examine(file);
    JsonObject j;
    switch (audience) {
      case POLICE -> {
        audit(r, legalBasisHash.orElseThrow());
        j = ReportJson.forInvestigator(r, disclose(r));
      }
      case OPERATOR ->
          j =
              ReportJson.forInvestigator(
                  r, new ReportJson.Disclosure(Optional.empty(), Optional.empty()));
      default -> j = ReportJson.forPlatform(r);
    }
    if (withEvidence) {
      j.put("evidence", s.evidence.issue(r, file, audience.investigator()).strip());
    }
    return j;
  }

  /** SPEC: DESIGN.md "Pseudonyms on public surfaces": the record holds a hash of the reference. */
  private void audit(Report r, byte[] basisHash) throws DetectorException {
    String subject = r.record().map(e -> e.record().id()).orElse("");
    LedgerRecord access =
        LedgerRecord.policeAccess(
            "police-access-" + UUID.randomUUID(), subject, basisHash, s.clock.instant());
    try {
      s.ledger.append(access);
    } catch (LedgerException e) {
      throw DetectorService.unavailable("ledger_unavailable", "cannot record the police access", e);
    }
  }

  private ReportJson.Disclosure disclose(Report r) throws DetectorException {
    if (r.record().isEmpty()) {
      return new ReportJson.Disclosure(Optional.empty(), Optional.empty());
    }
    try {
      return s.disclosures.disclose(r.record().get().record());
    } catch (Exception e) {
      throw DetectorService.unavailable(
          "consent_unavailable", "identity resolution unavailable", e);
    }
  }
}

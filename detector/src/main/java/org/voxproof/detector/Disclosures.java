package org.voxproof.detector;

import java.util.Optional;
import org.voxproof.ledger.LedgerRecord;

/**
 * What an investigator (police with a recorded legal basis) is told beyond the report: the
 * licensee's identity behind the record's pseudonym and the consent's id. Resolved outside the
 * detector (the consent service holds both); the ledger and the platform view never carry them.
 */
@FunctionalInterface
public interface Disclosures {
  /** Resolves nothing: investigators see the pseudonym only. */
  Disclosures NONE = record -> new ReportJson.Disclosure(Optional.empty(), Optional.empty());

  /** The licensee identity and consent id behind a synthesis record, as far as known. */
  ReportJson.Disclosure disclose(LedgerRecord record) throws Exception;
}

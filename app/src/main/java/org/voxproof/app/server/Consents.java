package org.voxproof.app.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.voxproof.consent.api.ConsentModule;
import org.voxproof.consent.checks.DefaultConsentChecks;
import org.voxproof.consent.checks.FingerprintMatch;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.policy.Assurance;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.KeyRingException;
import org.voxproof.storage.Storage;
import org.voxproof.storage.StorageException;

/**
 * The consent service of {@code voxproof serve}: the default checks (built-in speaker baseline,
 * Sphinx4 for English, the key ring's watermark keys for the synthetic-voice check, the fingerprint
 * key in the data directory) on the shared database, issuing tokens under the server's base URL.
 */
final class Consents {
  private Consents() {}

  static ConsentModule open(
      Path dataDir, Storage db, KeyRing keys, ProvenanceLedger ledger, Supplier<String> baseUrl)
      throws IOException, KeyRingException, StorageException {
    return open(dataDir, db, keys, ledger, baseUrl, OpsConfig.defaults());
  }

  /**
   * With the configured speaker and anti-spoofing models; in production no token is issued below
   * assurance {@code high} (the refusal names {@code assurance}).
   */
  static ConsentModule open(
      Path dataDir,
      Storage db,
      KeyRing keys,
      ProvenanceLedger ledger,
      Supplier<String> baseUrl,
      OpsConfig ops)
      throws IOException, KeyRingException, StorageException {
    DefaultConsentChecks.Builder checks =
        DefaultConsentChecks.builder()
            .fingerprintKey(ConsentModule.fingerprintKey(dataDir))
            .watermarkKeys(keys.watermarkKeys());
    if (ops.speakerModel() != null) {
      checks.speakerModel(ops.speakerModel(), ops.speakerThreshold());
    }
    if (ops.antiSpoofModel() != null) {
      checks.antiSpoofModel(ops.antiSpoofModel(), ops.antiSpoofThreshold());
    }
    Assurance floor = ops.production() ? Assurance.HIGH : Assurance.BASIC;
    return ConsentModule.open(
        db,
        keys,
        ledger,
        checks.build(),
        FingerprintMatch::matches,
        baseUrl,
        c -> c.withMinimumAssurance(floor));
  }
}

package org.voxproof.app.server;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.voxproof.consent.api.ConsentModule;
import org.voxproof.detector.ConsentStatus;
import org.voxproof.detector.Disclosures;
import org.voxproof.detector.ReportJson;
import org.voxproof.detector.http.DetectorService;
import org.voxproof.http.ServiceRouter;
import org.voxproof.http.auth.BearerResolver;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.ledger.http.LedgerRoutes;
import org.voxproof.provenance.KeyRing;
import org.voxproof.storage.Storage;
import org.voxproof.synth.http.SynthService;

/**
 * What one {@code serve} process mounts: the service routers, the bearer resolvers beyond API keys,
 * and the ledger it uses (its own, or the ledger node's client). {@link #allInOne} is the embedded
 * default; {@link Nodes#only} builds one service of a scaled-out deployment.
 *
 * @param routes the routers, in mounting order
 * @param resolvers bearer resolvers besides the API keys (the consent service's owner secrets)
 * @param ledger the ledger the services use
 * @param ledgerLine how the start-up line describes the ledger
 */
record Assembly(
    List<ServiceRouter> routes,
    List<BearerResolver> resolvers,
    ProvenanceLedger ledger,
    Supplier<String> ledgerLine) {

  /** Every service in one process on the data directory's ledger; closers go on {@code opened}. */
  static Assembly allInOne(
      ServerConfig config,
      OpsConfig ops,
      Vertx vertx,
      KeyRing keys,
      Storage db,
      Supplier<String> baseUrl,
      Deque<AutoCloseable> opened)
      throws Exception {
    // --ledger: embedded (default), fabric or hybrid; the checkpoint key stays in the ring.
    ProvenanceLedger ledger = config.ledger().open(config.dataDir(), keys);
    opened.push(ledger);
    // Consent tokens name the server's base URL as issuer; it is known once the server listens.
    ConsentModule consent = Consents.open(config.dataDir(), db, keys, ledger, baseUrl, ops);
    // The detector reports the status now of the consent a record was made under.
    DetectorService detector =
        DetectorService.builder()
            .ledger(ledger)
            .keyRing(keys)
            .dataDir(config.dataDir())
            .consentStatus(c -> ConsentStatus.fromWire(consent.statusOfCommitment(c)))
            // Police with a legal basis (and operators) learn the licensee and the consent id.
            .disclosures(disclosures(consent::disclosureOfCommitment))
            .build();
    opened.push(detector);
    List<BearerResolver> resolvers = new ArrayList<>(consent.resolvers()); // vxo_, vxi_
    return new Assembly(
        List.of(
            LedgerRoutes.create(vertx, ledger),
            consent.routes(vertx),
            SynthService.create(
                vertx, config.dataDir(), keys, ledger, baseUrl, consent.statusSource()),
            detector.router(vertx)),
        resolvers,
        ledger,
        () -> describe(ledger));
  }

  /** Where a detector learns who is behind a commitment (in process or from the consent node). */
  @FunctionalInterface
  interface DisclosureLookup {
    Optional<org.voxproof.consent.api.ConsentService.Disclosed> find(byte[] commitment)
        throws Exception;
  }

  static Disclosures disclosures(DisclosureLookup lookup) {
    return r ->
        lookup
            .find(r.consentCommitment())
            .map(
                d ->
                    new ReportJson.Disclosure(
                        Optional.of(d.licensee()), Optional.of(d.consentId())))
            .orElseGet(() -> new ReportJson.Disclosure(Optional.empty(), Optional.empty()));
  }

  static String describe(ProvenanceLedger ledger) {
    try {
      return LedgerBackend.describe(ledger);
    } catch (Exception e) {
      return ledger.origin() + " (head unavailable: " + e.getMessage() + ")";
    }
  }
}

package org.voxproof.app.server;

import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.voxproof.app.server.Topology.Part;
import org.voxproof.consent.api.CommitmentClient;
import org.voxproof.consent.api.ConsentModule;
import org.voxproof.consent.token.ConsentVerifier;
import org.voxproof.consent.token.RemoteService;
import org.voxproof.detector.ConsentStatus;
import org.voxproof.detector.http.DetectorService;
import org.voxproof.http.peers.PeerClient;
import org.voxproof.http.peers.PeerTrust;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.ledger.http.LedgerClientHttp;
import org.voxproof.ledger.http.LedgerRoutes;
import org.voxproof.ledger.http.LedgerServiceRoutes;
import org.voxproof.ledger.note.NoteVerifier;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.KeyRingException;
import org.voxproof.storage.Storage;
import org.voxproof.synth.http.SynthService;

/**
 * One service of a scaled-out deployment ({@code serve --only}), wired to its peers:
 *
 * <ul>
 *   <li>{@code ledger}: the data directory's ledger (any {@code --ledger} backend), its public
 *       routes and the internal ones the other nodes use ({@link LedgerServiceRoutes});
 *   <li>{@code consent}: the consent API and the internal commitment lookup, recording revocations
 *       and erasures on the ledger node;
 *   <li>{@code synth}: synthesis, verifying tokens against the consent node's JWK set and signed
 *       status lists ({@link ConsentVerifier.Builder#remote}), recording on the ledger node;
 *   <li>{@code detector}: detection, resolving on the ledger node and asking the consent node for
 *       the status (and, for police, the disclosure) of a commitment.
 * </ul>
 *
 * Peers are reached with {@link PeerClient} (TLS trust of {@code --peer-ca}, a service key); the
 * ledger client verifies every checkpoint under the shared key ring's checkpoint key.
 */
final class Nodes {
  /** Timeout of each request to a peer. */
  static final Duration PEER_TIMEOUT = Duration.ofSeconds(10);

  private Nodes() {}

  static Assembly only(
      ServerConfig config,
      OpsConfig ops,
      Topology t,
      Vertx vertx,
      KeyRing keys,
      Storage db,
      Supplier<String> baseUrl,
      Deque<AutoCloseable> opened)
      throws Exception {
    Part part = t.only().orElseThrow();
    if (part == Part.LEDGER) {
      ProvenanceLedger ledger = config.ledger().open(config.dataDir(), keys);
      opened.push(ledger);
      return new Assembly(
          List.of(LedgerRoutes.create(vertx, ledger), LedgerServiceRoutes.create(vertx, ledger)),
          List.of(),
          ledger,
          () -> "ledger node, " + Assembly.describe(ledger));
    }
    SSLContext ssl = t.peerCa().isPresent() ? PeerTrust.fromPem(t.peerCa().get()) : null;
    URI ledgerUrl = t.ledgerUrl().orElseThrow();
    ProvenanceLedger ledger =
        LedgerClientHttp.builder(
                PeerClient.create(ledgerUrl, ssl, t.ledgerKey().orElseThrow(), PEER_TIMEOUT))
            .checkpointVerifier(origin -> checkpointVerifier(keys, origin))
            .connect(t.peerWait());
    opened.push(ledger);
    Supplier<String> line = () -> "ledger node " + ledgerUrl + " (" + ledger.origin() + ")";
    switch (part) {
      case CONSENT -> {
        ConsentModule consent = Consents.open(config.dataDir(), db, keys, ledger, baseUrl, ops);
        return new Assembly(
            List.of(consent.routes(vertx), consent.serviceRoutes(vertx)),
            consent.resolvers(),
            ledger,
            line);
      }
      case SYNTH -> {
        URI consentUrl = t.consentUrl().orElseThrow();
        ConsentVerifier verifier =
            ConsentVerifier.builder()
                .remote(RemoteService.at(consentUrl).withSsl(ssl).withTimeout(PEER_TIMEOUT))
                .build();
        return new Assembly(
            List.of(SynthService.create(vertx, config.dataDir(), keys, ledger, verifier::verify)),
            List.of(),
            ledger,
            () -> line.get() + ", consent node " + consentUrl);
      }
      default -> {
        URI consentUrl = t.consentUrl().orElseThrow();
        CommitmentClient consent =
            CommitmentClient.create(
                PeerClient.create(consentUrl, ssl, t.consentKey().orElseThrow(), PEER_TIMEOUT));
        DetectorService detector =
            DetectorService.builder()
                .ledger(ledger)
                .keyRing(keys)
                .dataDir(config.dataDir())
                .consentStatus(c -> ConsentStatus.fromWire(consent.statusOfCommitment(c)))
                .disclosures(Assembly.disclosures(consent::disclosureOfCommitment))
                .build();
        opened.push(detector);
        return new Assembly(
            List.of(detector.router(vertx)),
            List.of(),
            ledger,
            () -> line.get() + ", consent node " + consentUrl);
      }
    }
  }

  private static NoteVerifier checkpointVerifier(KeyRing keys, String origin) {
    try {
      return keys.checkpointSigner(origin).verifier();
    } catch (KeyRingException e) {
      throw new IllegalStateException("the key ring has no checkpoint key: " + e.getMessage(), e);
    }
  }
}

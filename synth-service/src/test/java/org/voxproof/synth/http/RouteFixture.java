package org.voxproof.synth.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.voxproof.consent.token.ConsentGrant;
import org.voxproof.consent.token.ConsentTokenIssuer;
import org.voxproof.consent.token.ConsentVerifier;
import org.voxproof.consent.token.StatusList;
import org.voxproof.consent.token.StatusReference;
import org.voxproof.consent.token.TokenKeySource;
import org.voxproof.http.ApiRouter;
import org.voxproof.http.TestServers;
import org.voxproof.http.Workers;
import org.voxproof.http.auth.BearerAuth;
import org.voxproof.http.auth.Role;
import org.voxproof.http.clients.ApiClients;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.policy.Assurance;
import org.voxproof.policy.PolicyEngine;
import org.voxproof.policy.UsageRules;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.ManifestSigner;
import org.voxproof.storage.Storage;
import org.voxproof.synth.LicenseePseudonyms;
import org.voxproof.synth.Synthesizer;
import org.voxproof.synth.SynthesizerBuilder;
import org.voxproof.synth.engine.EspeakEngine;

/**
 * Real parts behind the route: the operator key ring, the embedded ledger, API clients in SQLite,
 * consent-service's token issuer and verifier with an in-process status list, espeak-ng, Cedar.
 */
final class RouteFixture implements AutoCloseable {
  static final String ISSUER = "https://consent.example";
  static final String STATUS_LIST = ISSUER + "/v1/status-lists/1";

  final Path dir;
  final KeyRing ring;
  final NoteSigner noteSigner = Ed25519NoteKeys.generate("voxproof.test/synth-http");
  final EmbeddedLedger ledger;
  final Storage db;
  final ApiClients clients;
  final String licenseeKey;
  final String platformKey;
  final String otherLicenseeKey;
  final AtomicReference<StatusList> statuses = new AtomicReference<>(StatusList.empty(2, 1024));
  final ConsentTokenIssuer issuer;
  final ConsentVerifier verifier;
  private final HttpClient http = HttpClient.newHttpClient();
  private int nextIndex = 1;

  RouteFixture(Path dir) throws Exception {
    this.dir = dir;
    ring = KeyRing.builder().dataDirectory(dir.resolve("keys")).password("pw".toCharArray()).open();
    ledger = EmbeddedLedger.builder(dir.resolve("ledger")).signer(noteSigner).open();
    db = Storage.builder().embedded(dir.resolve("db")).open();
    clients = ApiClients.open(db);
    licenseeKey = clients.create("bank-app", Role.LICENSEE, "bank", Duration.ofDays(1)).key();
    otherLicenseeKey =
        clients.create("clinic-app", Role.LICENSEE, "clinic", Duration.ofDays(1)).key();
    platformKey = clients.create("platform", Role.PLATFORM, "video", Duration.ofDays(1)).key();
    issuer = ConsentTokenIssuer.create(ISSUER, ring);
    verifier =
        ConsentVerifier.builder()
            .issuer(ISSUER)
            .keys(TokenKeySource.of(ring))
            .statusSource(
                (uri, index) -> {
                  if (!STATUS_LIST.equals(uri)) {
                    throw new org.voxproof.consent.token.InvalidTokenException("unknown list");
                  }
                  return statuses.get().status(index);
                })
            .build();
  }

  SynthesizerBuilder synthesizer(UsageRules rules) throws Exception {
    return Synthesizer.builder()
        .policy(PolicyEngine.builder().rules(rules).build())
        .engine(EspeakEngine.builder().build())
        .watermarkKeys(ring.watermarkKeys())
        .signer(ManifestSigner.builder().keyRing(ring).build())
        .ledger(ledger)
        .pseudonyms(LicenseePseudonyms.openOrCreate(dir.resolve("pseudonym.key")));
  }

  /** Serves {@code synth} as the app does (bearer auth, shared root router); returns the port. */
  int serve(Vertx vertx, Synthesizer synth) throws Exception {
    BearerAuth auth = BearerAuth.create(Workers.create(vertx, "auth-io", 2), List.of(clients));
    Router root =
        ApiRouter.create(
            vertx,
            auth,
            ApiClients.PROBLEMS,
            List.of(SynthRoutes.create(vertx, synth, verifier::verify)));
    return TestServers.serve(vertx, root);
  }

  /** A token for a fresh consent to voice-N (notifications; en, zh), valid for an hour. */
  Token token() throws Exception {
    Instant now = Instant.now().minusSeconds(1);
    return token("bank", now, now.plus(Duration.ofHours(1)));
  }

  Token token(String licensee, Instant issued, Instant expires) throws Exception {
    int n = nextIndex++;
    byte[] commitment = new byte[32];
    commitment[0] = (byte) n;
    commitment[31] = 0x5a;
    ConsentGrant g =
        new ConsentGrant(
            "jti-" + n,
            "consent-" + n,
            "voice-" + n,
            "owner-" + n,
            licensee,
            Set.of("notifications"),
            Set.of("en", "zh"),
            400,
            Assurance.BASIC,
            "ab".repeat(32),
            commitment,
            issued,
            issued,
            expires,
            new StatusReference(STATUS_LIST, n));
    return new Token(issuer.issue(g), n, commitment);
  }

  /** A token, its status-list index and its consent commitment. */
  record Token(String jwt, int index, byte[] commitment) {}

  void revoke(Token t) {
    statuses.updateAndGet(l -> l.with(t.index(), StatusList.INVALID));
  }

  HttpResponse<byte[]> post(int port, String bearer, String json) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SynthRoutes.PATH))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Override
  public void close() throws Exception {
    ledger.close();
    db.close();
    ring.close();
  }
}

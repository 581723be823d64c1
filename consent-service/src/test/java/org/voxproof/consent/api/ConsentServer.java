package org.voxproof.consent.api;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.voxproof.consent.checks.ConsentChecks;
import org.voxproof.consent.store.ConsentStore;
import org.voxproof.http.ApiRouter;
import org.voxproof.http.TestServers;
import org.voxproof.http.Workers;
import org.voxproof.http.auth.BearerAuth;
import org.voxproof.http.auth.BearerResolver;
import org.voxproof.http.auth.Role;
import org.voxproof.http.clients.ApiClients;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.http.LedgerRoutes;
import org.voxproof.provenance.KeyRing;
import org.voxproof.storage.Storage;

/**
 * A consent service as the app mounts it, on a real key ring, embedded ledger and database (the
 * caller's), with API clients, owner credentials, and a clock the test moves.
 */
final class ConsentServer implements AutoCloseable {
  /** A clock tests move by hand. */
  static final class TestClock extends Clock {
    volatile Instant now = Instant.now();

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  final HttpClient http = HttpClient.newHttpClient();
  final TestClock clock = new TestClock();
  final KeyRing ring;
  final EmbeddedLedger ledger;
  final Storage db;
  final ApiClients clients;
  final ConsentStore store;
  final ConsentService service;
  final List<VoiceErased> erasures = new ArrayList<>();
  final int port;
  final String base;

  ConsentServer(Vertx vertx, Path dir, Storage db, ConsentChecks checks, ConsentConfig config)
      throws Exception {
    this(vertx, dir, db, checks, config, ScriptedConsentChecks::sameRecording);
  }

  ConsentServer(
      Vertx vertx,
      Path dir,
      Storage db,
      ConsentChecks checks,
      ConsentConfig config,
      java.util.function.BiPredicate<
              org.voxproof.consent.checks.Fingerprint, org.voxproof.consent.checks.Fingerprint>
          sameRecording)
      throws Exception {
    this.db = db;
    ring = KeyRing.builder().dataDirectory(dir).password("test-pw".toCharArray()).open();
    String origin = EmbeddedLedger.newOrigin();
    ledger =
        EmbeddedLedger.builder(dir.resolve("ledger")).signer(ring.checkpointSigner(origin)).open();
    clients = ApiClients.open(db);
    store = ConsentStore.open(db, ring.dataKeys());
    int p = freePort();
    base = "http://127.0.0.1:" + p;
    ConsentConfig c = config == null ? ConsentConfig.defaults(base) : config;
    service = new ConsentService(store, checks, ring, ledger, c, clock, sameRecording);
    service.onErasure(erasures::add);
    List<BearerResolver> resolvers = new ArrayList<>();
    resolvers.add(clients);
    resolvers.addAll(OwnerCredentials.resolvers(store));
    BearerAuth auth = BearerAuth.create(Workers.create(vertx, "auth-io", 2), resolvers);
    Router root =
        ApiRouter.create(
            vertx,
            auth,
            ApiClients.PROBLEMS,
            List.of(ConsentRoutes.create(vertx, service), LedgerRoutes.create(vertx, ledger)));
    TestServers.await(org.voxproof.http.ApiServer.start(vertx, root, "127.0.0.1", p, null));
    port = p;
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  String licenseeKey(String name, String org) throws Exception {
    return clients.create(name, Role.LICENSEE, org, Duration.ofDays(30)).key();
  }

  HttpResponse<String> send(String method, String path, String bearer, String type, byte[] body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    if (type != null) {
      b.header("Content-Type", type);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> json(String method, String path, String bearer, JsonObject body)
      throws Exception {
    return send(
        method, path, bearer, "application/json", body == null ? null : body.encode().getBytes());
  }

  HttpResponse<String> audio(String path, String bearer, byte[] wav) throws Exception {
    return send("POST", path, bearer, "audio/wav", wav);
  }

  @Override
  public void close() throws Exception {
    ledger.close();
    ring.close();
  }
}

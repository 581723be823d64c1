package org.voxproof.app.server;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voxproof.app.web.StaticRoutes;
import org.voxproof.http.ApiRouter;
import org.voxproof.http.ApiServer;
import org.voxproof.http.ServiceRouter;
import org.voxproof.http.Tls;
import org.voxproof.http.Workers;
import org.voxproof.http.auth.BearerAuth;
import org.voxproof.http.auth.BearerResolver;
import org.voxproof.http.clients.ApiClients;
import org.voxproof.http.openapi.OpenApi;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.provenance.KeyRing;
import org.voxproof.storage.OwnerOnly;
import org.voxproof.storage.Storage;

/**
 * The one-process server behind {@code voxproof serve}: opens the key ring, the ledger and the
 * database (API clients) in the data directory, mounts every service's routes behind one bearer
 * authentication handler on the shared root router, and listens. {@link #close()} is the graceful
 * shutdown: stop accepting, let requests in flight finish, then flush and close the ledger, the key
 * ring and Vert.x, in the reverse order of opening.
 */
public final class VoxProofServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(VoxProofServer.class.getName());

  /** Threads resolving bearer keys against the database. */
  private static final int AUTH_WORKERS = 4;

  /** The OpenAPI document's resource name (docs/openapi.yaml, copied at build time). */
  static final String OPENAPI = "openapi.yaml";

  private final ServerConfig config;
  private final Vertx vertx;
  private final ApiServer server;
  private final Deque<AutoCloseable> resources;
  private final ProvenanceLedger ledger;
  private final KeyRing keys;
  private final Router router;
  private final OpsConfig ops;
  private final Readiness readiness;
  private final Topology topology;
  private final java.util.function.Supplier<String> ledgerLine;
  private boolean closed;

  private VoxProofServer(
      ServerConfig config,
      Vertx vertx,
      ApiServer server,
      Deque<AutoCloseable> resources,
      ProvenanceLedger ledger,
      KeyRing keys,
      Router router,
      OpsConfig ops,
      Readiness readiness,
      Topology topology,
      java.util.function.Supplier<String> ledgerLine) {
    this.topology = topology;
    this.ledgerLine = ledgerLine;
    this.ops = ops;
    this.readiness = readiness;
    this.config = config;
    this.vertx = vertx;
    this.server = server;
    this.resources = resources;
    this.ledger = ledger;
    this.keys = keys;
    this.router = router;
  }

  /** Opens everything and listens, in the evaluation profile on the built-in consent checks. */
  public static VoxProofServer start(ServerConfig config) throws Exception {
    return start(config, OpsConfig.defaults());
  }

  /**
   * Opens everything and listens; on any failure, what was opened is closed again. The caller
   * checks {@link ProductionRequirements} first; the production profile's token floor is applied
   * here.
   */
  public static VoxProofServer start(ServerConfig config, OpsConfig ops) throws Exception {
    return start(config, ops, Topology.ALL_IN_ONE);
  }

  /** As {@link #start(ServerConfig, OpsConfig, Topology)} in the evaluation profile. */
  public static VoxProofServer start(ServerConfig config, Topology topology) throws Exception {
    return start(config, OpsConfig.defaults(), topology);
  }

  /**
   * As {@link #start(ServerConfig, OpsConfig)} for what {@code topology} names: every service, or
   * one ({@code --only}, {@link Nodes}) wired to its peers.
   */
  public static VoxProofServer start(ServerConfig config, OpsConfig ops, Topology topology)
      throws Exception {
    topology.checkServing(config.tls(), config.host());
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      OwnerOnly.createDirectories(config.dataDir()); // 0700 whatever the umask
      // First use of a data directory creates the operator key ring (password file, mode 0600).
      KeyRing keys =
          KeyRing.builder().dataDirectory(topology.keysDir().orElse(config.dataDir())).open();
      opened.push(keys);
      Storage db = Databases.open(config.dataDir(), config.dbUrl());
      opened.push(db);
      ApiClients clients = ApiClients.open(db);
      Vertx vertx = Vertx.vertx();
      opened.push(() -> vertx.close().await(30, TimeUnit.SECONDS));
      Tls tls = config.tls() ? Tls.fromPem(vertx, config.tlsCert(), config.tlsKey()) : null;
      // Consent tokens name the server's base URL as issuer; it is known once the server listens.
      AtomicReference<String> baseUrl = new AtomicReference<>();
      Assembly assembly =
          topology.only().isEmpty()
              ? Assembly.allInOne(config, ops, vertx, keys, db, baseUrl::get, opened)
              : Nodes.only(config, ops, topology, vertx, keys, db, baseUrl::get, opened);
      ProvenanceLedger ledger = assembly.ledger();
      List<BearerResolver> resolvers = new ArrayList<>(List.of(clients));
      resolvers.addAll(assembly.resolvers()); // owner secrets (vxo_) and invitations (vxi_)
      BearerAuth auth =
          BearerAuth.create(Workers.create(vertx, "auth-io", AUTH_WORKERS), resolvers);
      // docs/openapi.yaml, copied into the jar: served at /openapi.yaml, requests validated by it.
      OpenApi api =
          OpenApi.load(vertx, OpenApi.resource(VoxProofServer.class, OPENAPI))
              .await(30, TimeUnit.SECONDS);
      Readiness readiness = new Readiness(db, ledger, keys);
      ServerMetrics metrics = new ServerMetrics(ledger);
      List<ServiceRouter> services = new ArrayList<>(assembly.routes());
      services.add(
          OpsRoutes.create(
              vertx,
              readiness,
              metrics.metrics(),
              ops.publicMetrics() || loopback(config.host()), // as metricsOpen()
              Workers.create(vertx, "ops-io", 2)));
      Router root = ApiRouter.create(vertx, auth, ApiClients.PROBLEMS, services, api);
      StaticRoutes.load().mount(root); // the web pages (docs/web.md), ahead of auth and the API
      metrics.observer().install(root, services); // first handler of all
      ApiServer server =
          ApiServer.start(vertx, root, config.host(), config.port(), tls)
              .await(30, TimeUnit.SECONDS);
      baseUrl.set(
          topology
              .publicUrl()
              .map(u -> u.toString().replaceAll("/+$", ""))
              .orElse(server.scheme() + "://" + config.host() + ":" + server.port()));
      readiness.accepting();
      return new VoxProofServer(
          config,
          vertx,
          server,
          opened,
          ledger,
          keys,
          root,
          ops,
          readiness,
          topology,
          assembly.ledgerLine());
    } catch (Exception | Error e) {
      closeAll(opened);
      throw e;
    }
  }

  private static boolean loopback(String host) {
    try {
      return java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  /** The base URL, e.g. {@code https://127.0.0.1:8443}. */
  public String url() {
    return server.scheme() + "://" + config.host() + ":" + port();
  }

  /** One line for the log: where it listens and what it serves. */
  public String describe() throws LedgerException {
    return String.format(
        "listening on %s (%sdata in %s; key generation %d; ledger %s; %s profile)",
        url(),
        topology.only().map(p -> "only " + p.cliName() + "; ").orElse(""),
        config.dataDir().toAbsolutePath(),
        keys.generation(),
        ledgerLine.get(),
        ops.profile().cliName());
  }

  /** The data directory it serves from. */
  public java.nio.file.Path dataDir() {
    return config.dataDir();
  }

  /** Whether {@code /metrics} answers without an operator key. */
  public boolean metricsOpen() {
    return ops.publicMetrics() || loopback(config.host());
  }

  /** The ledger it serves (the backend {@code --ledger} chose). */
  ProvenanceLedger ledger() {
    return ledger;
  }

  /**
   * Graceful shutdown: stops accepting at once, waits up to the grace period for requests in
   * flight, then closes the ledger (flushing its last group commit), the key ring and Vert.x.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    readiness.stopping(); // /ready answers 503 from now on, while requests in flight finish
    try {
      server
          .shutdown(config.grace())
          .await(config.grace().toMillis() + 5000, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "server shutdown did not complete: " + e);
    }
    closeAll(resources);
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "close failed: " + e);
      }
    }
  }

  /** What {@code /ready} would report as not ready now (blocks: probes the database). */
  List<String> notReady() {
    return readiness.failing();
  }

  Vertx vertx() {
    return vertx;
  }

  /** The root router it serves (for the test that the OpenAPI document matches its routes). */
  Router router() {
    return router;
  }
}

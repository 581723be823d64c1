package org.voxproof.app.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.voxproof.app.server.Topology.Part;
import org.voxproof.chaincode.TlsFiles;
import org.voxproof.http.auth.Role;
import org.voxproof.http.clients.ApiClients;
import org.voxproof.http.peers.PeerTrust;
import org.voxproof.storage.Storage;

/**
 * Four {@code serve --only} nodes in this process, each with its own data directory and a TLS
 * certificate from one test CA, sharing one operator key ring ({@code --keys-dir}); started in
 * dependency order (ledger, consent, synth, detector) and restartable on the same port to play a
 * peer that went down and came back.
 */
final class Cluster implements AutoCloseable {
  final Path dir;
  final TlsFiles ca;
  final SSLContext trust;
  final Path keysDir;
  final HttpClient client;
  private final Map<Part, VoxProofServer> nodes = new EnumMap<>(Part.class);
  private final Map<Part, Integer> ports = new EnumMap<>(Part.class);
  private final Map<Part, Path[]> certs = new EnumMap<>(Part.class);
  private String ledgerKey;
  private String consentKey;

  Cluster(Path dir) throws Exception {
    this.dir = dir;
    this.ca = new TlsFiles(Files.createDirectories(dir.resolve("pki")), "voxproof-test");
    this.trust = PeerTrust.fromPem(ca.caCert);
    this.keysDir = dir.resolve("keys");
    this.client =
        HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Starts all four, creating the service keys each peer needs on the node that checks them. */
  Cluster startAll() throws Exception {
    start(Part.LEDGER);
    ledgerKey = key(Part.LEDGER, "nodes", Role.SERVICE, "voxproof");
    start(Part.CONSENT);
    consentKey = key(Part.CONSENT, "detector-node", Role.SERVICE, "voxproof");
    start(Part.SYNTH);
    start(Part.DETECTOR);
    return this;
  }

  Path data(Part p) {
    return dir.resolve(p.cliName());
  }

  /** Starts (or restarts, on its former port) the node of {@code p}. */
  VoxProofServer start(Part p) throws Exception {
    Path[] cert = certs.containsKey(p) ? certs.get(p) : ca.issue(p.cliName() + ".test");
    certs.put(p, cert);
    ServerConfig config =
        new ServerConfig(
            data(p),
            "127.0.0.1",
            ports.getOrDefault(p, 0),
            cert[0],
            cert[1],
            Duration.ofSeconds(2),
            null);
    Topology t =
        new Topology(
            Optional.of(p),
            p == Part.LEDGER ? Optional.empty() : Optional.of(URI.create(url(Part.LEDGER))),
            p == Part.SYNTH || p == Part.DETECTOR
                ? Optional.of(URI.create(url(Part.CONSENT)))
                : Optional.empty(),
            p == Part.LEDGER ? Optional.empty() : Optional.of(ledgerKey),
            p == Part.DETECTOR ? Optional.of(consentKey) : Optional.empty(),
            Optional.of(ca.caCert),
            Optional.empty(),
            Optional.of(keysDir),
            false,
            Duration.ofSeconds(10));
    VoxProofServer s = VoxProofServer.start(config, t);
    nodes.put(p, s);
    ports.put(p, s.port());
    return s;
  }

  /** Stops the node of {@code p} (its port is kept for {@link #start}). */
  void stop(Part p) {
    VoxProofServer s = nodes.remove(p);
    if (s != null) {
      s.close();
    }
  }

  VoxProofServer node(Part p) {
    return nodes.get(p);
  }

  /** The node's base URL; the same after a restart. */
  String url(Part p) {
    return "https://127.0.0.1:" + ports.get(p);
  }

  /** A new API key in the node's own database (as {@code voxproof admin create-client} makes). */
  String key(Part p, String name, Role role, String org) throws Exception {
    try (Storage db = Databases.open(data(p), null)) {
      return ApiClients.open(db).create(name, role, org, Duration.ofDays(1)).key();
    }
  }

  HttpResponse<byte[]> send(HttpRequest.Builder b) throws IOException, InterruptedException {
    return client.send(
        b.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Override
  public void close() {
    for (Part p : new Part[] {Part.DETECTOR, Part.SYNTH, Part.CONSENT, Part.LEDGER}) {
      stop(p);
    }
  }
}

package org.voxproof.app.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.voxproof.app.server.Topology;
import picocli.CommandLine.Option;

/**
 * The options of {@code serve} that split VoxProof over several processes ({@code --only}) and say
 * how a node reaches its peers; see docs/operations.md, "Scaling out (--only)".
 */
final class ScaleOutOptions {
  /** The service key a node presents to its peers when no key file is given. */
  static final String SERVICE_KEY_ENV = "VOXPROOF_SERVICE_KEY";

  @Option(
      names = "--only",
      paramLabel = "SERVICE",
      description =
          "Run one service: consent, synth, detector or ledger, reaching the others at"
              + " --ledger-url / --consent-url over HTTPS (default: all in one process).")
  String only;

  @Option(
      names = "--ledger-url",
      paramLabel = "URL",
      description = "The ledger node (https://host:port); consent, synth and detector nodes.")
  String ledgerUrl;

  @Option(
      names = "--consent-url",
      paramLabel = "URL",
      description =
          "The consent node (https://host:port; also the issuer its tokens name); synth and"
              + " detector nodes.")
  String consentUrl;

  @Option(
      names = "--service-key-file",
      paramLabel = "FILE",
      description =
          "The service API key (admin create-client --role service) presented to the peers;"
              + " default: $"
              + SERVICE_KEY_ENV
              + ".")
  Path serviceKeyFile;

  @Option(
      names = "--ledger-key-file",
      paramLabel = "FILE",
      description = "A service key for the ledger node only (default: --service-key-file).")
  Path ledgerKeyFile;

  @Option(
      names = "--consent-key-file",
      paramLabel = "FILE",
      description = "A service key for the consent node only (default: --service-key-file).")
  Path consentKeyFile;

  @Option(
      names = "--peer-ca",
      paramLabel = "PEM",
      description =
          "CA certificates the peers' TLS certificates must chain to (default: the JDK's"
              + " trusted roots).")
  Path peerCa;

  @Option(
      names = "--public-url",
      paramLabel = "URL",
      description =
          "The URL clients and peers reach this node by (default: where it listens); the"
              + " consent node's token issuer.")
  String publicUrl;

  @Option(
      names = "--keys-dir",
      paramLabel = "DIR",
      description =
          "Where the operator key ring lives (default: the data directory); every node of a"
              + " deployment uses the same ring.")
  Path keysDir;

  @Option(
      names = "--dev-plain-peers",
      description =
          "Development only: allow http:// peers and serving plain HTTP, on loopback addresses.")
  boolean plainPeers;

  @Option(
      names = "--peer-wait",
      paramLabel = "SECONDS",
      description = "How long start-up waits for the ledger node (default: ${DEFAULT-VALUE}).")
  int peerWaitSeconds = 30;

  /**
   * The topology these options name.
   *
   * @throws IllegalArgumentException for a bad combination or URL
   * @throws IOException when a key file cannot be read
   */
  Topology topology() throws IOException {
    Optional<Topology.Part> part = Optional.ofNullable(only).map(Topology.Part::parse);
    Optional<String> common =
        part.isEmpty()
            ? Optional.empty()
            : serviceKeyFile != null
                ? Optional.of(readKey(serviceKeyFile))
                : Optional.ofNullable(System.getenv(SERVICE_KEY_ENV))
                    .map(String::strip)
                    .filter(k -> !k.isEmpty());
    Optional<String> ledgerKey =
        ledgerKeyFile != null ? Optional.of(readKey(ledgerKeyFile)) : common;
    Optional<String> consentKey =
        consentKeyFile != null ? Optional.of(readKey(consentKeyFile)) : common;
    boolean needsLedger = part.isPresent() && part.get() != Topology.Part.LEDGER;
    return new Topology(
        part,
        url(ledgerUrl, "--ledger-url"),
        url(consentUrl, "--consent-url"),
        needsLedger ? ledgerKey : Optional.empty(),
        part.equals(Optional.of(Topology.Part.DETECTOR)) ? consentKey : Optional.empty(),
        Optional.ofNullable(peerCa),
        url(publicUrl, "--public-url"),
        Optional.ofNullable(keysDir),
        plainPeers,
        Duration.ofSeconds(Math.max(0, peerWaitSeconds)));
  }

  private static Optional<URI> url(String s, String option) {
    if (s == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new URI(s));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(option + " is not a URL: " + e.getReason(), e);
    }
  }

  /** A key file: one key on one line (surrounding white space ignored). */
  private static String readKey(Path f) throws IOException {
    if (!Files.isRegularFile(f)) {
      throw new IOException("service key file not found: " + f);
    }
    String k = Files.readString(f).strip();
    if (k.isEmpty() || k.length() > 512 || k.chars().anyMatch(Character::isWhitespace)) {
      throw new IOException("service key file " + f + " must hold one key");
    }
    return k;
  }
}

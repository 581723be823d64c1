package org.voxproof.app.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Which services a {@code voxproof serve} process runs and how it reaches the others: all in one
 * process (the embedded default), or one service ({@code --only consent|synth|detector|ledger})
 * that talks to its peers over HTTPS with a service key. Checked when built, so a bad combination
 * fails before anything is opened.
 *
 * @param only the one service this node runs; empty: all of them in one process
 * @param ledgerUrl the ledger node ({@code --ledger-url}); consent, synth and detector nodes
 * @param consentUrl the consent node ({@code --consent-url}, also the issuer its tokens name);
 *     synth and detector nodes
 * @param ledgerKey the {@code service} API key this node presents to the ledger node
 * @param consentKey the {@code service} API key the detector node presents to the consent node
 * @param peerCa PEM CA certificates the peers' TLS certificates must chain to (empty: the JDK's)
 * @param publicUrl the URL clients and peers reach this node by (default: where it listens); the
 *     consent node's token issuer
 * @param keysDir where the operator key ring lives (default: the data directory); every node of a
 *     deployment needs the same ring
 * @param plainPeers {@code --dev-plain-peers}: allow {@code http://} peers and plain HTTP on
 *     loopback addresses only, for development
 * @param peerWait how long start-up waits for the ledger node to answer
 */
public record Topology(
    Optional<Part> only,
    Optional<URI> ledgerUrl,
    Optional<URI> consentUrl,
    Optional<String> ledgerKey,
    Optional<String> consentKey,
    Optional<Path> peerCa,
    Optional<URI> publicUrl,
    Optional<Path> keysDir,
    boolean plainPeers,
    Duration peerWait) {

  /** The services {@code --only} names. */
  public enum Part {
    CONSENT,
    SYNTH,
    DETECTOR,
    LEDGER;

    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The part {@code --only NAME} names; {@link IllegalArgumentException} for anything else. */
    public static Part parse(String name) {
      for (Part p : values()) {
        if (p.cliName().equals(name)) {
          return p;
        }
      }
      throw new IllegalArgumentException(
          "--only " + name + ": choose consent, synth, detector or ledger");
    }

    boolean needsLedger() {
      return this != LEDGER;
    }

    boolean needsConsent() {
      return this == SYNTH || this == DETECTOR;
    }
  }

  /** Everything in one process, the key ring in the data directory. */
  public static final Topology ALL_IN_ONE =
      new Topology(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false,
          Duration.ofSeconds(30));

  public Topology {
    if (only.isEmpty()) {
      if (ledgerUrl.isPresent()
          || consentUrl.isPresent()
          || ledgerKey.isPresent()
          || consentKey.isPresent()) {
        throw new IllegalArgumentException(
            "--ledger-url, --consent-url and the service keys go with --only");
      }
    } else {
      Part p = only.get();
      require(p.needsLedger(), ledgerUrl, "--ledger-url", p);
      require(p.needsConsent(), consentUrl, "--consent-url", p);
      if (p.needsLedger() && ledgerKey.isEmpty()) {
        throw new IllegalArgumentException(
            "--only "
                + p.cliName()
                + " needs a service key for the ledger node: --service-key-file or"
                + " --ledger-key-file (or VOXPROOF_SERVICE_KEY)");
      }
      if (p == Part.DETECTOR && consentKey.isEmpty()) {
        throw new IllegalArgumentException(
            "--only detector needs a service key for the consent node: --service-key-file or"
                + " --consent-key-file (or VOXPROOF_SERVICE_KEY)");
      }
      ledgerUrl.ifPresent(u -> checkPeer(u, "--ledger-url", plainPeers));
      consentUrl.ifPresent(u -> checkPeer(u, "--consent-url", plainPeers));
    }
    publicUrl.ifPresent(Topology::checkPublic);
    if (peerWait.isNegative()) {
      throw new IllegalArgumentException("the peer wait must not be negative");
    }
  }

  /**
   * SPEC: DESIGN.md "Transport and clients": {@code --only} deployments talk to each other over
   * TLS. A node serves HTTPS; plain HTTP only with {@code --dev-plain-peers} on a loopback address.
   */
  public void checkServing(boolean tls, String host) {
    if (only.isPresent() && !tls && !(plainPeers && loopback(host))) {
      throw new IllegalArgumentException(
          "--only "
              + only.get().cliName()
              + " serves HTTPS: give --tls-cert and --tls-key (plain HTTP only with"
              + " --dev-plain-peers on a loopback address)");
    }
  }

  private static void require(boolean needed, Optional<URI> url, String option, Part p) {
    if (needed && url.isEmpty()) {
      throw new IllegalArgumentException("--only " + p.cliName() + " needs " + option);
    }
    if (!needed && url.isPresent()) {
      throw new IllegalArgumentException(option + " does not go with --only " + p.cliName());
    }
  }

  private static void checkPeer(URI u, String option, boolean plainPeers) {
    String scheme = u.getScheme();
    if (u.getHost() == null
        || !("https".equals(scheme) || "http".equals(scheme))
        || u.getRawQuery() != null
        || u.getRawFragment() != null
        || u.getRawUserInfo() != null) {
      throw new IllegalArgumentException(option + " must be https://host:port");
    }
    if ("http".equals(scheme) && !(plainPeers && loopback(u.getHost()))) {
      throw new IllegalArgumentException(
          option
              + " "
              + u
              + ": peers are reached over TLS (https://); plain http only with"
              + " --dev-plain-peers and a loopback host");
    }
  }

  private static void checkPublic(URI u) {
    String scheme = u.getScheme();
    if (u.getHost() == null
        || !("https".equals(scheme) || "http".equals(scheme))
        || u.getRawQuery() != null
        || u.getRawFragment() != null
        || (u.getRawPath() != null && !u.getRawPath().isEmpty())) {
      throw new IllegalArgumentException("--public-url must be http(s)://host[:port], no path");
    }
  }

  /** True for 127.0.0.0/8, ::1 and {@code localhost}; no name is looked up. */
  static boolean loopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equals("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name: not resolved here
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

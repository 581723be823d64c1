package org.voxproof.app.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code voxproof serve} runs with.
 *
 * @param dataDir the data directory (key ring, ledger, database)
 * @param host the bind address
 * @param port the TCP port (0: any free one)
 * @param tlsCert PEM certificate chain for HTTPS, or null for HTTP
 * @param tlsKey PEM private key for HTTPS, or null
 * @param grace how long shutdown waits for requests in flight
 * @param dbUrl a PostgreSQL JDBC URL, or null for SQLite in the data directory
 * @param ledger the ledger backend ({@code --ledger}, {@code --fabric-config})
 */
public record ServerConfig(
    Path dataDir,
    String host,
    int port,
    Path tlsCert,
    Path tlsKey,
    Duration grace,
    String dbUrl,
    LedgerBackend ledger) {
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);

  public ServerConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(ledger, "ledger");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
  }

  /** With the embedded ledger. */
  public ServerConfig(
      Path dataDir,
      String host,
      int port,
      Path tlsCert,
      Path tlsKey,
      Duration grace,
      String dbUrl) {
    this(dataDir, host, port, tlsCert, tlsKey, grace, dbUrl, LedgerBackend.embedded());
  }

  /** The same with another ledger backend. */
  public ServerConfig withLedger(LedgerBackend backend) {
    return new ServerConfig(dataDir, host, port, tlsCert, tlsKey, grace, dbUrl, backend);
  }

  /** Plain HTTP with the default grace period. */
  public static ServerConfig plain(Path dataDir, String host, int port) {
    return new ServerConfig(dataDir, host, port, null, null, DEFAULT_GRACE, null);
  }

  public boolean tls() {
    return tlsCert != null;
  }
}

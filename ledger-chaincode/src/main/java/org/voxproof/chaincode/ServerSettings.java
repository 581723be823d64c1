package org.voxproof.chaincode;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How the chaincode server runs, from its environment (docs/fabric.md, "Deploying"):
 *
 * <ul>
 *   <li>{@code CHAINCODE_SERVER_ADDRESS} ({@code host:port}, default {@code 0.0.0.0:9999}) and
 *       {@code CHAINCODE_ID} (or {@code CORE_CHAINCODE_ID_NAME}): the installed package id;
 *   <li>mutual TLS, matching {@code tls_required} and {@code client_auth_required} in the peer's
 *       {@code connection.json}: {@code CHAINCODE_TLS_CERT} (server certificate chain, PEM), {@code
 *       CHAINCODE_TLS_KEY} (its PKCS#8 PEM key) and {@code CHAINCODE_TLS_CLIENT_CA} (PEM of the CA
 *       that issued the peers' TLS client certificates). The shim's names are accepted too: with
 *       {@code CORE_PEER_TLS_ENABLED=true}, {@code CORE_TLS_CLIENT_CERT_FILE}, {@code
 *       CORE_TLS_CLIENT_KEY_FILE} and {@code CORE_PEER_TLS_ROOTCERT_FILE};
 *   <li>{@code CHAINCODE_TLS_DISABLED=true} runs without TLS (a test network only); without it and
 *       without TLS files the server refuses to start.
 * </ul>
 *
 * @param address where to listen
 * @param packageId the chaincode package id
 * @param tls the TLS files, or null when TLS is explicitly disabled
 */
public record ServerSettings(InetSocketAddress address, String packageId, Tls tls) {
  /** Server certificate chain, its key and the CA of accepted clients (all PEM files). */
  public record Tls(Path certificateChain, Path privateKey, Path clientCa) {}

  public ServerSettings {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(packageId, "packageId");
  }

  /** Reads the settings; a missing or unreadable setting is an {@link IllegalArgumentException}. */
  public static ServerSettings fromEnvironment(Map<String, String> env) {
    String id = first(env, "CHAINCODE_ID", "CORE_CHAINCODE_ID_NAME");
    if (id == null) {
      throw new IllegalArgumentException("CHAINCODE_ID must be set to the installed package id");
    }
    return new ServerSettings(address(first(env, "CHAINCODE_SERVER_ADDRESS")), id, tls(env));
  }

  private static Tls tls(Map<String, String> env) {
    boolean shim = "true".equalsIgnoreCase(first(env, "CORE_PEER_TLS_ENABLED"));
    String cert = first(env, "CHAINCODE_TLS_CERT", shim ? "CORE_TLS_CLIENT_CERT_FILE" : "-");
    String key = first(env, "CHAINCODE_TLS_KEY", shim ? "CORE_TLS_CLIENT_KEY_FILE" : "-");
    String ca = first(env, "CHAINCODE_TLS_CLIENT_CA", shim ? "CORE_PEER_TLS_ROOTCERT_FILE" : "-");
    boolean disabled = "true".equalsIgnoreCase(first(env, "CHAINCODE_TLS_DISABLED"));
    if (cert == null && key == null && ca == null && disabled && !shim) {
      return null;
    }
    if (disabled) {
      throw new IllegalArgumentException("CHAINCODE_TLS_DISABLED=true but TLS files are set");
    }
    if (cert == null || key == null || ca == null) {
      throw new IllegalArgumentException(
          "mutual TLS needs CHAINCODE_TLS_CERT, CHAINCODE_TLS_KEY and CHAINCODE_TLS_CLIENT_CA"
              + " (or CHAINCODE_TLS_DISABLED=true on a test network)");
    }
    return new Tls(readable(cert), readable(key), readable(ca));
  }

  private static InetSocketAddress address(String value) {
    String a = value == null ? "0.0.0.0:9999" : value;
    int colon = a.lastIndexOf(':');
    try {
      int port = Integer.parseInt(a.substring(colon + 1));
      return new InetSocketAddress(a.substring(0, colon), port);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("CHAINCODE_SERVER_ADDRESS must be host:port, not " + a, e);
    }
  }

  private static Path readable(String file) {
    Path p = Path.of(file);
    if (!Files.isReadable(p)) {
      throw new IllegalArgumentException("cannot read TLS file " + file);
    }
    return p;
  }

  private static String first(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}

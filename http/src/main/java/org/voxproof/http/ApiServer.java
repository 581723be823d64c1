package org.voxproof.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP(S) listener with the limits and error handling every service shares: request line and
 * header size caps (414/431 as problem+json), problem+json for requests the decoder rejects, an
 * idle timeout, TLS 1.2/1.3 when given a certificate, and graceful shutdown ({@link #shutdown}:
 * stop accepting, let in-flight requests finish, then close).
 */
public final class ApiServer {
  /** Longest request line accepted (method, target, version); longer gets 414. */
  public static final int MAX_REQUEST_LINE = 8 * 1024;

  /** Largest header block accepted; larger gets 431. */
  public static final int MAX_HEADER_BYTES = 16 * 1024;

  /** Connections idle this long are closed (slow clients cannot hold connections forever). */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

  private final HttpServer server;
  private final boolean tls;

  private ApiServer(HttpServer server, boolean tls) {
    this.server = server;
    this.tls = tls;
  }

  /**
   * Starts listening; the future fails when the port is taken or the address is not local.
   *
   * @param tls the certificate to serve HTTPS with, or null for plain HTTP
   * @param port the TCP port; 0 picks a free one ({@link #port()} tells which)
   */
  public static Future<ApiServer> start(
      Vertx vertx, Handler<HttpServerRequest> handler, String host, int port, Tls tls) {
    Objects.requireNonNull(handler, "handler");
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(port)
            .setMaxInitialLineLength(MAX_REQUEST_LINE)
            .setMaxHeaderSize(MAX_HEADER_BYTES)
            .setIdleTimeout((int) IDLE_TIMEOUT.toSeconds())
            .setIdleTimeoutUnit(TimeUnit.SECONDS);
    if (tls != null) {
      options
          .setSsl(true)
          .setKeyCertOptions(tls.options())
          .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
    }
    HttpServer server =
        vertx
            .createHttpServer(options)
            .connectionHandler(ProtocolGuard::install)
            .invalidRequestHandler(InvalidRequests::handle)
            .requestHandler(RequestGuard.wrap(handler));
    return server.listen().map(s -> new ApiServer(s, tls != null));
  }

  /** The port it listens on. */
  public int port() {
    return server.actualPort();
  }

  /** {@code https} or {@code http}. */
  public String scheme() {
    return tls ? "https" : "http";
  }

  /**
   * Graceful shutdown: stops accepting connections at once, lets requests in flight finish (up to
   * {@code grace}), then closes every connection. Completes when the server is closed.
   */
  public Future<Void> shutdown(Duration grace) {
    return server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
  }
}

package org.voxproof.http.peers;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A blocking HTTP client of one peer node (the ledger or the consent node of a {@code serve --only}
 * deployment): its base URL, the TLS trust of {@link PeerTrust}, the service key sent as {@code
 * Authorization: Bearer}, a timeout on every request, no redirects, and a cap on the size of an
 * answer. Thread-safe; call it from a worker pool, never an event loop.
 */
public final class PeerClient {
  /** Largest answer read (Fabric evidence carries whole blocks). */
  public static final int MAX_ANSWER_BYTES = 32 << 20;

  private final URI base;
  private final HttpClient client;
  private final String bearer;
  private final Duration timeout;

  private PeerClient(URI base, SSLContext ssl, String bearer, Duration timeout) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    HttpClient.Builder cb =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1);
    if (ssl != null) {
      cb.sslContext(ssl);
    }
    this.client = cb.build();
    this.bearer = bearer;
    this.timeout = timeout;
  }

  /**
   * A client of the node at {@code base}.
   *
   * @param ssl the TLS trust for an {@code https} peer (null: the JDK's)
   * @param bearer the service key sent with every request (null: none)
   */
  public static PeerClient create(URI base, SSLContext ssl, String bearer, Duration timeout) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(timeout, "timeout");
    String scheme = base.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException("a peer URL is https://host:port");
    }
    return new PeerClient(base, ssl, bearer, timeout);
  }

  /** The peer's base URL, without a trailing slash. */
  public URI base() {
    return base;
  }

  /** {@code GET base + pathAndQuery}. */
  public PeerResponse get(String pathAndQuery) throws IOException {
    return send(request(pathAndQuery).GET());
  }

  /** {@code POST base + path} with a JSON body. */
  public PeerResponse post(String path, JsonObject body) throws IOException {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8)));
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("a path starts with /");
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout);
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return b;
  }

  private PeerResponse send(HttpRequest.Builder b) throws IOException {
    HttpResponse<InputStream> r;
    try {
      r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    try (InputStream in = r.body()) {
      byte[] body = in.readNBytes(MAX_ANSWER_BYTES + 1);
      if (body.length > MAX_ANSWER_BYTES) {
        throw new IOException("answer exceeds " + MAX_ANSWER_BYTES + " bytes");
      }
      return new PeerResponse(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body);
    }
  }

  /** What went wrong, for a log line: the message, or the exception's kind when it has none. */
  public static String describe(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  @Override
  public String toString() {
    return "PeerClient[" + base + "]"; // never the key
  }
}

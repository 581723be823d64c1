package org.voxproof.consent.token.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/** Bounded HTTP GETs for the remote verifier: a timeout, a size cap, an exact content type. */
public final class HttpFetch {
  private final HttpClient client;
  private final Duration timeout;

  public HttpFetch(SSLContext ssl, Duration timeout) {
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1);
    if (ssl != null) {
      b.sslContext(ssl);
    }
    this.client = b.build();
    this.timeout = timeout;
  }

  /**
   * The body of a 200 answer of type {@code mediaType}, at most {@code maxBytes}.
   *
   * @throws IOException for a network error, another status or type, or a body too large
   */
  public byte[] get(URI uri, String mediaType, int maxBytes) throws IOException {
    HttpRequest req =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", mediaType).GET().build();
    HttpResponse<InputStream> r;
    try {
      r = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    try (InputStream in = r.body()) {
      if (r.statusCode() != 200) {
        throw new IOException("HTTP " + r.statusCode() + " from " + uri.getPath());
      }
      String type = r.headers().firstValue("Content-Type").orElse("");
      if (!type.toLowerCase(Locale.ROOT).startsWith(mediaType)) {
        throw new IOException("unexpected content type from " + uri.getPath());
      }
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw new IOException("answer from " + uri.getPath() + " exceeds " + maxBytes + " bytes");
      }
      return body;
    }
  }
}

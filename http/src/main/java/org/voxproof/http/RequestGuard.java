package org.voxproof.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.util.regex.Pattern;

/**
 * Checks what the router would otherwise choke on before it runs: a request target whose percent
 * escapes are malformed ({@code /v1/ledger/entries/%}) made Vert.x Web log a 40-line stack trace
 * and answer an empty 400. Such a request gets a 400 problem here and nothing in the log.
 */
final class RequestGuard implements Handler<HttpServerRequest> {
  /** SPEC: RFC 3986 §2.1: a percent sign starts a percent-encoded octet, "%" HEXDIG HEXDIG. */
  private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  private final Handler<HttpServerRequest> next;

  private RequestGuard(Handler<HttpServerRequest> next) {
    this.next = next;
  }

  static Handler<HttpServerRequest> wrap(Handler<HttpServerRequest> next) {
    return new RequestGuard(next);
  }

  @Override
  public void handle(HttpServerRequest request) {
    String uri = request.uri();
    if (uri == null || BAD_ESCAPE.matcher(uri).find()) {
      Problems.send(
          request.response(),
          Problems.problem(
              400,
              "bad_request",
              "Bad request",
              "The request target has a malformed percent-escape."));
      return;
    }
    next.handle(request);
  }
}

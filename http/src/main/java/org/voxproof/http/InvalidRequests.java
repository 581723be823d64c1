package org.voxproof.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers requests the HTTP decoder already rejected (garbage request line, over-long target or
 * headers, malformed {@code Content-Length}) with problem+json and closes the connection. Replaces
 * Vert.x's default, which sends an empty body. Logs one line at FINE: never a stack trace, since
 * any client can send these.
 */
final class InvalidRequests {
  private static final Logger LOG = Logger.getLogger(InvalidRequests.class.getName());

  private InvalidRequests() {}

  static void handle(HttpServerRequest request) {
    DecoderResult result = request.decoderResult();
    Throwable cause = result == null ? null : result.cause();
    int status;
    String detail;
    if (cause instanceof TooLongHttpLineException) {
      status = 414;
      detail = "The request line is longer than this server accepts.";
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = 431;
      detail = "The request headers are larger than this server accepts.";
    } else {
      status = 400;
      detail = "The request could not be parsed as HTTP/1.1.";
    }
    LOG.log(Level.FINE, () -> "refused an unparsable request: " + status);
    HttpServerResponse response = request.response();
    response.putHeader("Connection", "close");
    Problems.send(
        response,
        Problems.problem(status, ClientErrors.reason(status), ClientErrors.title(status), detail));
    request.connection().close();
  }
}

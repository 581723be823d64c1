package org.voxproof.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The problem for a request the HTTP decoder rejected (garbage request line, over-long target or
 * headers, malformed {@code Content-Length}): 414, 431 or 400. {@link ProtocolGuard} answers these
 * in the connection's pipeline; {@link #handle} is Vert.x's invalid-request handler as a fallback
 * (its default sends an empty body). Logs one line at FINE: never a stack trace, since any client
 * can send these.
 */
final class InvalidRequests {
  private static final Logger LOG = Logger.getLogger(InvalidRequests.class.getName());

  private InvalidRequests() {}

  /** The problem for a decoder failure with this cause. */
  static JsonObject problem(Throwable cause) {
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
    return Problems.problem(
        status, ClientErrors.reason(status), ClientErrors.title(status), detail);
  }

  static void handle(HttpServerRequest request) {
    DecoderResult result = request.decoderResult();
    HttpServerResponse response = request.response();
    response.putHeader("Connection", "close");
    Problems.send(response, problem(result == null ? null : result.cause()));
    request.connection().close();
  }
}

package org.voxproof.http;

import java.util.Map;

/** Stable reasons and titles for client errors raised by the HTTP stack itself. */
final class ClientErrors {
  private record Text(String reason, String title) {}

  private static final Text BAD_REQUEST = new Text("bad_request", "Bad request");

  private static final Map<Integer, Text> BY_STATUS =
      Map.ofEntries(
          Map.entry(400, BAD_REQUEST),
          Map.entry(401, new Text("unauthorized", "Authentication required")),
          Map.entry(403, new Text("forbidden", "Not allowed")),
          Map.entry(404, new Text("not_found", "Not found")),
          Map.entry(405, new Text("method_not_allowed", "Method not allowed")),
          Map.entry(408, new Text("request_timeout", "Request timeout")),
          Map.entry(411, new Text("length_required", "Length required")),
          Map.entry(413, new Text("too_large", "Request body too large")),
          Map.entry(414, new Text("uri_too_long", "Request target too long")),
          Map.entry(415, new Text("unsupported_media_type", "Unsupported media type")),
          Map.entry(417, new Text("expectation_failed", "Expectation failed")),
          Map.entry(429, new Text("rate_limited", "Too many requests")),
          Map.entry(431, new Text("headers_too_large", "Request headers too large")),
          Map.entry(505, new Text("http_version_not_supported", "HTTP version not supported")));

  private ClientErrors() {}

  static String reason(int status) {
    return BY_STATUS.getOrDefault(status, BAD_REQUEST).reason();
  }

  static String title(int status) {
    return BY_STATUS.getOrDefault(status, BAD_REQUEST).title();
  }
}

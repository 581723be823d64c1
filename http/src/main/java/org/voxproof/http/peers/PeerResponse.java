package org.voxproof.http.peers;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One answer of a peer: status, content type and body.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} header, or empty
 * @param body the body (at most {@link PeerClient#MAX_ANSWER_BYTES})
 */
@SuppressWarnings("ArrayRecordComponent") // read-only answer, never shared
public record PeerResponse(int status, String contentType, byte[] body) {
  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The body as a JSON object.
   *
   * @throws IOException when it is not one (a peer that is not a VoxProof node, or a proxy's page)
   */
  public JsonObject json() throws IOException {
    if (!contentType.toLowerCase(Locale.ROOT).contains("json")) {
      throw new IOException("HTTP " + status + " without JSON");
    }
    try {
      return new JsonObject(text());
    } catch (DecodeException | ClassCastException e) {
      throw new IOException("HTTP " + status + " with malformed JSON", e);
    }
  }

  /**
   * The stable reason of a problem+json answer (the last segment of its {@code type}), or {@code
   * http_<status>} when the answer is not one.
   */
  public String reason() {
    try {
      String type = json().getString("type", "");
      int slash = type.lastIndexOf('/');
      return slash >= 0 && slash < type.length() - 1 ? type.substring(slash + 1) : "http_" + status;
    } catch (IOException | ClassCastException e) {
      return "http_" + status;
    }
  }
}

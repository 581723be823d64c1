package org.voxproof.synth.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import org.voxproof.synth.InvalidSynthesisRequestException;
import org.voxproof.synth.OutputFormat;

/**
 * The JSON body of {@code POST /v1/synthesize}: {@code {"text", "consentToken", "language",
 * "purpose", "format"}} — every field a string, {@code format} one of {@code wav}, {@code mp3},
 * {@code flac} (default {@code wav}). Strict: not an object, a missing or non-string field, an
 * unknown or duplicate key → 400. {@code toString} never prints the text or the token.
 */
record SynthesizeBody(
    String text, String consentToken, String language, String purpose, OutputFormat format) {
  private static final Set<String> FIELDS =
      Set.of("text", "consentToken", "language", "purpose", "format");

  private static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder()
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
              .build());

  /**
   * Parses a request body.
   *
   * @throws InvalidSynthesisRequestException {@code bad_request} (not the expected JSON) or {@code
   *     format_invalid}
   */
  static SynthesizeBody parse(byte[] body) throws InvalidSynthesisRequestException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw bad("the body is not valid JSON");
    } catch (IOException e) {
      throw bad("the body could not be read");
    }
    if (root == null || !root.isObject()) {
      throw bad("the body must be a JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!FIELDS.contains(name)) {
        throw bad("unknown field: " + printable(name));
      }
    }
    String format = root.has("format") ? string(root, "format") : "wav";
    OutputFormat f =
        OutputFormat.of(format)
            .orElseThrow(
                () ->
                    new InvalidSynthesisRequestException(
                        "format_invalid", "format must be wav, mp3 or flac"));
    return new SynthesizeBody(
        string(root, "text"),
        string(root, "consentToken"),
        string(root, "language"),
        string(root, "purpose"),
        f);
  }

  private static String string(JsonNode root, String field)
      throws InvalidSynthesisRequestException {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      throw bad("missing field: " + field);
    }
    if (!n.isTextual()) {
      throw bad(field + " must be a string");
    }
    return n.textValue();
  }

  private static InvalidSynthesisRequestException bad(String message) {
    return new InvalidSynthesisRequestException("bad_request", message);
  }

  /** A client's key name, cut short and limited to printable ASCII, for an error message. */
  private static String printable(String s) {
    String cut = s.length() > 32 ? s.substring(0, 32) + "..." : s;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }

  @Override
  public String toString() {
    return "SynthesizeBody[" + text.length() + " chars, " + language + ", " + purpose + "]";
  }
}

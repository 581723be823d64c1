package org.voxproof.consent.token.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON object reader for token payloads (Jackson streaming, several times faster than the
 * general-purpose parsers on this hot path): duplicate member names are an error (RFC 8725 §3.8 /
 * RFC 7515 §5.2 leave a parser free to pick either, so we refuse both), nesting is bounded,
 * integers become {@link Long}, other numbers {@link Double}.
 */
public final class JsonParse {
  private static final int MAX_DEPTH = 8;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxNumberLength(32)
                  .build())
          .build();

  private JsonParse() {}

  /** The JSON object in {@code utf8}; anything else (or trailing content) is an error. */
  public static Map<String, Object> object(byte[] utf8) throws IOException {
    try (JsonParser p = FACTORY.createParser(utf8)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      Map<String, Object> m = readObject(p);
      if (p.nextToken() != null) {
        throw new IOException("content after the JSON object");
      }
      return m;
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException("malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Map<String, Object> readObject(JsonParser p) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      m.put(name, value(p));
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IOException("malformed JSON object");
    }
    return m;
  }

  private static List<Object> readArray(JsonParser p) throws IOException {
    List<Object> l = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new IOException("unterminated JSON array");
      }
      l.add(value(p));
    }
    return l;
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new IOException("unexpected end of JSON");
    }
    return switch (t) {
      case START_OBJECT -> readObject(p);
      case START_ARRAY -> readArray(p);
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> integer(p);
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected JSON token " + t);
    };
  }

  private static Object integer(JsonParser p) throws IOException {
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new IOException("integer out of range");
    }
    return p.getLongValue();
  }
}

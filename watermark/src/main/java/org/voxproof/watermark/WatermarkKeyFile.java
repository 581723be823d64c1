package org.voxproof.watermark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The watermark key file {@code voxproof watermark keygen} writes: one JSON object {@code
 * {"type":"voxproof-watermark-key","keyId":ID,"secret":HEX64}}. Parsing is strict (type, a
 * printable key id of at most 128 characters, exactly 64 hex digits) and bounded (at most 64 KiB).
 */
public final class WatermarkKeyFile {
  /** The {@code type} member of every key file. */
  public static final String TYPE = "voxproof-watermark-key";

  /** Largest key file read. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final Pattern KEY_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");
  private static final Pattern SECRET = Pattern.compile("[0-9a-fA-F]{64}");

  private WatermarkKeyFile() {}

  /** The key file's bytes (UTF-8 JSON and a newline). They hold the secret: store them 0600. */
  public static byte[] write(WatermarkKey key) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", TYPE);
    json.put("keyId", key.keyId());
    json.put("secret", HexFormat.of().formatHex(key.secret()));
    try {
      return (MAPPER.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a map of strings", e);
    }
  }

  /** Reads a key file; {@link WatermarkException} names what is wrong. */
  public static WatermarkKey parse(byte[] file) throws WatermarkException {
    if (file.length > MAX_BYTES) {
      throw new WatermarkException("not a watermark key file: larger than 64 KiB");
    }
    JsonNode n;
    try {
      n = MAPPER.readTree(file);
    } catch (IOException e) {
      throw new WatermarkException("not a watermark key file: not JSON");
    }
    if (n == null || !n.isObject() || !TYPE.equals(text(n, "type"))) {
      throw new WatermarkException("not a watermark key file: type is not " + TYPE);
    }
    String keyId = text(n, "keyId");
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new WatermarkException("not a watermark key file: bad keyId");
    }
    String secret = text(n, "secret");
    if (secret == null || !SECRET.matcher(secret).matches()) {
      throw new WatermarkException("not a watermark key file: secret is not 64 hex digits");
    }
    return new WatermarkKey(keyId, HexFormat.of().parseHex(secret));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isTextual() ? v.textValue() : null;
  }
}

package org.voxproof.http.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI document as JSON, and the copy of it that requests are validated against.
 *
 * <p>vertx-openapi accepts only a few media types in a contract (JSON, multipart, octet-stream,
 * text); ours also names {@code audio/*}, {@code application/c2pa} and others. Those bodies are
 * never buffered for validation anyway (their routes stream and cap them), so the validation copy
 * keeps exactly the JSON request bodies and drops the rest, and drops the responses (requests are
 * what we validate). Everything else — paths, operations, parameters, schemas — is the document's.
 */
final class OpenApiDocument {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static final String JSON = "application/json";

  private OpenApiDocument() {}

  /** Parses YAML (or JSON, a subset) into a JSON object; anchors and custom tags refused. */
  static JsonObject parse(byte[] yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(0);
    Object root =
        new Yaml(new SafeConstructor(options)).load(new String(yaml, StandardCharsets.UTF_8));
    if (!(root instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("an OpenAPI document is a mapping");
    }
    return (JsonObject) toJson(m);
  }

  private static Object toJson(Object o) {
    if (o instanceof Map<?, ?> m) {
      JsonObject j = new JsonObject();
      m.forEach((k, v) -> j.put(String.valueOf(k), toJson(v)));
      return j;
    }
    if (o instanceof List<?> l) {
      JsonArray a = new JsonArray();
      l.forEach(v -> a.add(toJson(v)));
      return a;
    }
    if (o instanceof Date d) { // an unquoted timestamp in an example
      return DateTimeFormatter.ISO_INSTANT.format(d.toInstant());
    }
    return o;
  }

  /**
   * The validation copy of {@code document} (which is left unchanged): with its JSON request bodies
   * when {@code jsonBodies}, else with none (to check only the parameters).
   */
  static JsonObject forValidation(JsonObject document, boolean jsonBodies) {
    JsonObject copy = document.copy();
    JsonObject paths = copy.getJsonObject("paths", new JsonObject());
    for (String p : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(p);
      for (String method : item.fieldNames()) {
        if (METHODS.contains(method)) {
          trim(item.getJsonObject(method), jsonBodies);
        }
      }
    }
    return copy;
  }

  private static void trim(JsonObject op, boolean jsonBodies) {
    op.put("responses", new JsonObject().put("default", new JsonObject().put("description", "")));
    JsonObject body = op.getJsonObject("requestBody");
    if (body == null) {
      return;
    }
    JsonObject json = body.getJsonObject("content", new JsonObject()).getJsonObject(JSON);
    if (json == null || !jsonBodies) {
      op.remove("requestBody");
    } else {
      body.put("content", new JsonObject().put(JSON, json));
    }
  }
}

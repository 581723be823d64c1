package org.voxproof.http.observe;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line for {@code java.util.logging}: {@code time} (ISO-8601 UTC), {@code
 * level}, {@code logger}, {@code message}, then the fields of a {@code Map} passed as the record's
 * only parameter (the access log's {@code request_id}, {@code route}, {@code status}, {@code
 * latency_ms}, ...), and {@code error} with the stack trace when a throwable is attached. What goes
 * in is the callers' business: nothing here may be given a secret or personal data (the access log
 * carries route templates, never paths or bodies).
 */
public final class JsonLogFormatter extends Formatter {
  @Override
  public String format(LogRecord r) {
    JsonObject j = new JsonObject();
    j.put("time", Instant.ofEpochMilli(r.getMillis()).toString());
    j.put("level", r.getLevel().getName());
    j.put("logger", r.getLoggerName());
    Object[] params = r.getParameters();
    if (params != null && params.length == 1 && params[0] instanceof Map<?, ?> fields) {
      j.put("message", r.getMessage());
      fields.forEach(
          (k, v) -> {
            if (!j.containsKey(String.valueOf(k))) {
              j.put(String.valueOf(k), value(v));
            }
          });
    } else {
      j.put("message", formatMessage(r));
    }
    if (r.getThrown() != null) {
      StringWriter w = new StringWriter();
      r.getThrown().printStackTrace(new PrintWriter(w));
      j.put("error", w.toString());
    }
    return j.encode() + System.lineSeparator();
  }

  private static Object value(Object v) {
    if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
      return v;
    }
    return v instanceof Iterable<?> it ? list(it) : String.valueOf(v);
  }

  private static io.vertx.core.json.JsonArray list(Iterable<?> it) {
    io.vertx.core.json.JsonArray a = new io.vertx.core.json.JsonArray();
    it.forEach(x -> a.add(String.valueOf(x)));
    return a;
  }
}

package org.voxproof.http.observe;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 *
 * <p>The encoder is written out here, not Jackson or Vert.x JSON: those log while they initialise,
 * and a formatter that needs them would re-enter itself (SPEC: RFC 8259 §7 string escaping).
 */
public final class JsonLogFormatter extends Formatter {
  @Override
  public String format(LogRecord r) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("time", Instant.ofEpochMilli(r.getMillis()).toString());
    j.put("level", r.getLevel().getName());
    j.put("logger", r.getLoggerName());
    Object[] params = r.getParameters();
    if (params != null && params.length == 1 && params[0] instanceof Map<?, ?> fields) {
      j.put("message", r.getMessage());
      fields.forEach((k, v) -> j.putIfAbsent(String.valueOf(k), v));
    } else {
      j.put("message", formatMessage(r));
    }
    if (r.getThrown() != null) {
      StringWriter w = new StringWriter();
      r.getThrown().printStackTrace(new PrintWriter(w));
      j.put("error", w.toString());
    }
    StringBuilder b = new StringBuilder(256);
    object(b, j);
    return b.append(System.lineSeparator()).toString();
  }

  private static void object(StringBuilder b, Map<?, ?> m) {
    b.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      string(b, String.valueOf(e.getKey()));
      b.append(':');
      value(b, e.getValue());
    }
    b.append('}');
  }

  private static void value(StringBuilder b, Object v) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Boolean
        || v instanceof Integer
        || v instanceof Long
        || v instanceof Short
        || v instanceof Byte) {
      b.append(v);
    } else if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
      b.append(n.doubleValue());
    } else if (v instanceof Iterable<?> it) {
      b.append('[');
      boolean first = true;
      for (Object x : it) {
        if (!first) {
          b.append(',');
        }
        first = false;
        string(b, String.valueOf(x));
      }
      b.append(']');
    } else {
      string(b, String.valueOf(v));
    }
  }

  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}

package org.voxproof.consent.token.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Strict readers for a parsed JSON object: a missing member or a wrong type is an error. */
public final class Json {
  private Json() {}

  /** Thrown for a member that is missing or of the wrong type. */
  public static final class JsonShapeException extends Exception {
    private static final long serialVersionUID = 1L;

    JsonShapeException(String message) {
      super(message);
    }
  }

  public static String string(Map<String, Object> m, String name) throws JsonShapeException {
    if (m.get(name) instanceof String s) {
      return s;
    }
    throw new JsonShapeException("claim " + name + " must be a string");
  }

  /** An integer (JSON number without fraction) in the range of a long. */
  public static long integer(Map<String, Object> m, String name) throws JsonShapeException {
    Object v = m.get(name);
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Integer i) {
      return i;
    }
    throw new JsonShapeException("claim " + name + " must be an integer");
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Map<String, Object> m, String name)
      throws JsonShapeException {
    if (m.get(name) instanceof Map<?, ?> o) {
      for (Object k : o.keySet()) {
        if (!(k instanceof String)) {
          throw new JsonShapeException("claim " + name + " must be an object");
        }
      }
      return (Map<String, Object>) o;
    }
    throw new JsonShapeException("claim " + name + " must be an object");
  }

  public static List<String> strings(Map<String, Object> m, String name, int max)
      throws JsonShapeException {
    if (!(m.get(name) instanceof List<?> l) || l.size() > max) {
      throw new JsonShapeException("claim " + name + " must be an array of at most " + max);
    }
    List<String> out = new ArrayList<>(l.size());
    for (Object o : l) {
      if (!(o instanceof String s)) {
        throw new JsonShapeException("claim " + name + " must hold strings");
      }
      out.add(s);
    }
    return out;
  }
}

package org.voxproof.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flat subset of TOML a {@code serve} configuration needs (SPEC: TOML 1.0): {@code key = value}
 * lines with bare or quoted keys, basic ({@code "..."}, with escapes) and literal ({@code '...'})
 * strings, integers, floats and booleans, and {@code #} comments. Tables, arrays and multi-line
 * strings are refused with the line number.
 */
final class Toml {
  private Toml() {}

  static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int n = i + 1;
      if (line.startsWith("[")) {
        throw new IllegalArgumentException(
            "line " + n + ": tables are not supported; use flat keys");
      }
      int eq = line.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("line " + n + ": expected key = value");
      }
      String key = unquoteKey(line.substring(0, eq).strip(), n);
      String value = value(line.substring(eq + 1).strip(), n);
      if (out.put(key, value) != null) {
        throw new IllegalArgumentException("line " + n + ": '" + key + "' is set twice");
      }
    }
    return out;
  }

  private static String unquoteKey(String k, int n) {
    if (k.length() >= 2
        && (k.startsWith("\"") && k.endsWith("\"") || k.startsWith("'") && k.endsWith("'"))) {
      return k.substring(1, k.length() - 1);
    }
    if (!k.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("line " + n + ": bad key '" + k + "'");
    }
    return k;
  }

  private static String value(String v, int n) {
    if (v.startsWith("\"\"\"") || v.startsWith("'''")) {
      throw new IllegalArgumentException("line " + n + ": multi-line strings are not supported");
    }
    if (v.startsWith("\"")) {
      StringBuilder b = new StringBuilder();
      int i = 1;
      for (; i < v.length() && v.charAt(i) != '"'; i++) {
        char c = v.charAt(i);
        if (c == '\\' && i + 1 < v.length()) {
          char e = v.charAt(++i);
          switch (e) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case '"' -> b.append('"');
            case '\\' -> b.append('\\');
            default ->
                throw new IllegalArgumentException("line " + n + ": unsupported escape \\" + e);
          }
        } else {
          b.append(c);
        }
      }
      if (i >= v.length()) {
        throw new IllegalArgumentException("line " + n + ": unterminated string");
      }
      trailing(v.substring(i + 1), n);
      return b.toString();
    }
    if (v.startsWith("'")) {
      int end = v.indexOf('\'', 1);
      if (end < 0) {
        throw new IllegalArgumentException("line " + n + ": unterminated string");
      }
      trailing(v.substring(end + 1), n);
      return v.substring(1, end);
    }
    int hash = v.indexOf('#');
    String bare = (hash >= 0 ? v.substring(0, hash) : v).strip();
    if (bare.equals("true")
        || bare.equals("false")
        || bare.matches("[+-]?[0-9_]+(\\.[0-9_]+)?([eE][+-]?[0-9]+)?")) {
      return bare.replace("_", "");
    }
    throw new IllegalArgumentException(
        "line " + n + ": a value is a quoted string, a number or true/false");
  }

  private static void trailing(String rest, int n) {
    String r = rest.strip();
    if (!r.isEmpty() && !r.startsWith("#")) {
      throw new IllegalArgumentException("line " + n + ": unexpected text after the value");
    }
  }
}

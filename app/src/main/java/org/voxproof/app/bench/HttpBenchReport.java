package org.voxproof.app.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's table (stderr) and JSON summary (the last line of stdout). */
final class HttpBenchReport {
  private HttpBenchReport() {}

  private static double mb(long bytes) {
    return bytes < 0 ? -1 : Math.round(bytes / 1048576.0 * 10) / 10.0;
  }

  static String line(HttpLoad.Result r) {
    return String.format(
        "%s: %.1f req/s, p50 %.1f ms, p99 %.1f ms, statuses %s, 5xx %d, connection errors %d,"
            + " heap MB before %.1f / after %.1f / max %.1f",
        r.route(),
        r.perSecond(),
        r.p50Ms(),
        r.p99Ms(),
        r.statuses(),
        r.count5xx(),
        r.ioErrors(),
        mb(r.heap().beforeBytes()),
        mb(r.heap().afterBytes()),
        mb(r.heap().maxBytes()));
  }

  static void table(PrintWriter out, List<HttpLoad.Result> results) {
    String row = "%-11s %5s %6s %9s %8s %8s %8s  %-22s %4s %8s %8s %8s%n";
    out.printf(
        row,
        "route",
        "conns",
        "secs",
        "requests",
        "req/s",
        "p50 ms",
        "p99 ms",
        "statuses",
        "5xx",
        "heap0 MB",
        "heap1 MB",
        "max MB");
    for (HttpLoad.Result r : results) {
      out.printf(
          row,
          r.route(),
          r.connections(),
          String.format("%.0f", r.seconds()),
          r.requests(),
          String.format("%.1f", r.perSecond()),
          String.format("%.1f", r.p50Ms()),
          String.format("%.1f", r.p99Ms()),
          r.statuses().toString(),
          r.count5xx(),
          mb(r.heap().beforeBytes()),
          mb(r.heap().afterBytes()),
          mb(r.heap().maxBytes()));
    }
  }

  static Map<String, Object> json(String base, int connections, List<HttpLoad.Result> results) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("server", base);
    m.put("connections", connections);
    m.put(
        "routes",
        results.stream()
            .map(
                r -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("route", r.route());
                  x.put("seconds", r.seconds());
                  x.put("requests", r.requests());
                  x.put("perSecond", Math.round(r.perSecond() * 10) / 10.0);
                  x.put("p50Ms", Math.round(r.p50Ms() * 10) / 10.0);
                  x.put("p99Ms", Math.round(r.p99Ms() * 10) / 10.0);
                  x.put("maxMs", Math.round(r.maxMs() * 10) / 10.0);
                  Map<String, Long> st = new LinkedHashMap<>();
                  r.statuses().forEach((k, v) -> st.put(Integer.toString(k), v));
                  x.put("statuses", st);
                  x.put("count5xx", r.count5xx());
                  x.put("connectionErrors", r.ioErrors());
                  Map<String, Object> h = new LinkedHashMap<>();
                  h.put("beforeMb", mb(r.heap().beforeBytes()));
                  h.put("afterMb", mb(r.heap().afterBytes()));
                  h.put("maxMb", mb(r.heap().maxBytes()));
                  h.put("samples", r.heap().samples());
                  x.put("heap", h);
                  return x;
                })
            .toList());
    return m;
  }
}

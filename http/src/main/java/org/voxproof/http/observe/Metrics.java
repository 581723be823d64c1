package org.voxproof.http.observe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * A small metrics registry — counters, histograms and gauges with labels — and its exposition in
 * the Prometheus text format (SPEC: Prometheus exposition formats, text format 0.0.4). Thread-safe
 * and lock-free on the recording path; {@link #scrape()} reads a consistent-enough snapshot (each
 * series is read once).
 *
 * <pre>{@code
 * Metrics m = new Metrics();
 * Metrics.Counter syntheses = m.counter("voxproof_syntheses_total", "Syntheses returned.");
 * syntheses.inc();
 * String text = m.scrape();          // for GET /metrics, Content-Type Metrics.CONTENT_TYPE
 * }</pre>
 */
public final class Metrics {
  /** The exposition's media type. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final Map<String, Family> families = new ConcurrentHashMap<>();

  /** A counter (name should end in {@code _total}); one series per combination of label values. */
  public Counter counter(String name, String help, String... labels) {
    return (Counter) register(new Counter(name, help, labels));
  }

  /** A histogram with these upper bounds (ascending; {@code +Inf} is added). */
  public Histogram histogram(String name, String help, double[] buckets, String... labels) {
    return (Histogram) register(new Histogram(name, help, buckets.clone(), labels));
  }

  /**
   * A gauge read at every scrape; a supplier that throws or returns NaN leaves the series out of
   * that scrape (a metric is never worth a failed scrape).
   */
  public void gauge(String name, String help, DoubleSupplier value) {
    register(new Gauge(name, help, Objects.requireNonNull(value)));
  }

  private Family register(Family f) {
    Family old = families.putIfAbsent(f.name, f);
    if (old != null) {
      throw new IllegalArgumentException("metric " + f.name + " is already registered");
    }
    return f;
  }

  /** Every family in the text format, sorted by name (stable output). */
  public String scrape() {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(families).values().forEach(f -> f.write(out));
    return out.toString();
  }

  /** Common state: name, help, label names and one cell per label-value combination. */
  private abstract static class Family {
    final String name;
    final String help;
    final List<String> labels;

    Family(String name, String help, String... labels) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("bad metric name " + name);
      }
      for (String l : labels) {
        if (!LABEL.matcher(l).matches() || l.startsWith("__") || l.equals("le")) {
          throw new IllegalArgumentException("bad label name " + l);
        }
      }
      this.name = name;
      this.help = Objects.requireNonNull(help);
      this.labels = List.of(labels);
    }

    List<String> key(String... values) {
      if (values.length != labels.size()) {
        throw new IllegalArgumentException(
            name + " takes " + labels.size() + " label values, got " + values.length);
      }
      List<String> k = new ArrayList<>(values.length);
      for (String v : values) {
        k.add(v == null ? "" : v);
      }
      return List.copyOf(k);
    }

    void header(StringBuilder out, String type) {
      out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
      out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** {@code {a="x",b="y"}} plus an optional extra label, or nothing when there are none. */
    String labelText(List<String> values, String extraName, String extraValue) {
      if (values.isEmpty() && extraName == null) {
        return "";
      }
      StringBuilder b = new StringBuilder("{");
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(labels.get(i)).append("=\"").append(escapeValue(values.get(i))).append('"');
      }
      if (extraName != null) {
        b.append(values.isEmpty() ? "" : ",").append(extraName).append("=\"");
        b.append(extraValue).append('"');
      }
      return b.append('}').toString();
    }

    abstract void write(StringBuilder out);
  }

  /** A monotonically increasing count per label-value combination. */
  public static final class Counter extends Family {
    private final Map<List<String>, DoubleAdder> cells = new ConcurrentHashMap<>();

    Counter(String name, String help, String... labels) {
      super(name, help, labels);
    }

    /** Adds one to the series with these label values (in the order the labels were named). */
    public void inc(String... labelValues) {
      add(1, labelValues);
    }

    /** Adds {@code n} (not negative). */
    public void add(double n, String... labelValues) {
      if (n < 0 || Double.isNaN(n)) {
        throw new IllegalArgumentException("a counter only goes up");
      }
      cells.computeIfAbsent(key(labelValues), k -> new DoubleAdder()).add(n);
    }

    /** The current value of one series (0 when never incremented). */
    public double value(String... labelValues) {
      DoubleAdder a = cells.get(key(labelValues));
      return a == null ? 0 : a.sum();
    }

    @Override
    void write(StringBuilder out) {
      header(out, "counter");
      new TreeMap<>(cells.entrySet().stream().collect(Metrics.byText()))
          .forEach(
              (k, v) ->
                  out.append(name)
                      .append(labelText(v.getKey(), null, null))
                      .append(' ')
                      .append(number(v.getValue().sum()))
                      .append('\n'));
    }
  }

  /** Observations counted into cumulative buckets, with their sum and count. */
  public static final class Histogram extends Family {
    private final double[] bounds;
    private final Map<List<String>, Cell> cells = new ConcurrentHashMap<>();

    private static final class Cell {
      final LongAdder[] buckets;
      final DoubleAdder sum = new DoubleAdder();
      final LongAdder count = new LongAdder();

      Cell(int n) {
        buckets = new LongAdder[n];
        Arrays.setAll(buckets, i -> new LongAdder());
      }
    }

    Histogram(String name, String help, double[] bounds, String... labels) {
      super(name, help, labels);
      for (int i = 1; i < bounds.length; i++) {
        if (!(bounds[i] > bounds[i - 1])) {
          throw new IllegalArgumentException("buckets must ascend");
        }
      }
      this.bounds = bounds;
    }

    /** Records one observation in the series with these label values. */
    public void observe(double value, String... labelValues) {
      Cell c = cells.computeIfAbsent(key(labelValues), k -> new Cell(bounds.length));
      for (int i = 0; i < bounds.length; i++) {
        if (value <= bounds[i]) {
          c.buckets[i].increment(); // non-cumulative here; summed at exposition
          break;
        }
      }
      c.sum.add(value);
      c.count.increment();
    }

    /** How many observations one series has. */
    public long count(String... labelValues) {
      Cell c = cells.get(key(labelValues));
      return c == null ? 0 : c.count.sum();
    }

    @Override
    void write(StringBuilder out) {
      header(out, "histogram");
      new TreeMap<>(cells.entrySet().stream().collect(Metrics.byText()))
          .forEach(
              (k, e) -> {
                List<String> v = e.getKey();
                Cell c = e.getValue();
                long count = c.count.sum();
                long cumulative = 0;
                for (int i = 0; i < bounds.length; i++) {
                  cumulative += c.buckets[i].sum();
                  out.append(name).append("_bucket").append(labelText(v, "le", number(bounds[i])));
                  out.append(' ').append(cumulative).append('\n');
                }
                out.append(name).append("_bucket").append(labelText(v, "le", "+Inf"));
                out.append(' ').append(Math.max(count, cumulative)).append('\n');
                out.append(name).append("_sum").append(labelText(v, null, null));
                out.append(' ').append(number(c.sum.sum())).append('\n');
                out.append(name).append("_count").append(labelText(v, null, null));
                out.append(' ').append(Math.max(count, cumulative)).append('\n');
              });
    }
  }

  private static final class Gauge extends Family {
    private final DoubleSupplier value;

    Gauge(String name, String help, DoubleSupplier value) {
      super(name, help);
      this.value = value;
    }

    @Override
    void write(StringBuilder out) {
      double v;
      try {
        v = value.getAsDouble();
      } catch (RuntimeException e) {
        v = Double.NaN;
      }
      header(out, "gauge");
      if (!Double.isNaN(v)) {
        out.append(name).append(' ').append(number(v)).append('\n');
      }
    }
  }

  /** Sorts series by their label text, so a scrape always lists them in the same order. */
  private static <V>
      java.util.stream.Collector<
              Map.Entry<List<String>, V>, ?, Map<String, Map.Entry<List<String>, V>>>
          byText() {
    return java.util.stream.Collectors.toMap(e -> String.join("\u0000", e.getKey()), e -> e);
  }

  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }

  /** SPEC: text format — label values escape backslash, double quote and line feed. */
  static String escapeValue(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** SPEC: text format — HELP escapes backslash and line feed. */
  static String escapeHelp(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n");
  }
}

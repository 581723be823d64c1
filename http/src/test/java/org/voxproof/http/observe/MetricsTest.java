package org.voxproof.http.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void scrape_countersHistogramsGauges_inTextFormat() {
    Metrics m = new Metrics();
    Metrics.Counter c = m.counter("x_total", "Things.\nTwo lines \\ slash", "kind");
    c.inc("a\"b\\c\nd");
    c.add(2, "plain");
    Metrics.Histogram h = m.histogram("lat_seconds", "Latency.", new double[] {0.1, 1}, "route");
    h.observe(0.05, "/v1/a/:id");
    h.observe(0.5, "/v1/a/:id");
    h.observe(7, "/v1/a/:id");
    m.gauge("size", "Entries.", () -> 42);
    m.gauge(
        "broken",
        "Throws.",
        () -> {
          throw new IllegalStateException("down");
        });

    String text = m.scrape();

    assertThat(text)
        .contains("# HELP x_total Things.\\nTwo lines \\\\ slash\n# TYPE x_total counter\n")
        .contains("x_total{kind=\"a\\\"b\\\\c\\nd\"} 1\n")
        .contains("x_total{kind=\"plain\"} 2\n")
        .contains("# TYPE lat_seconds histogram\n")
        .contains("lat_seconds_bucket{route=\"/v1/a/:id\",le=\"0.1\"} 1\n")
        .contains("lat_seconds_bucket{route=\"/v1/a/:id\",le=\"1\"} 2\n")
        .contains("lat_seconds_bucket{route=\"/v1/a/:id\",le=\"+Inf\"} 3\n")
        .contains("lat_seconds_sum{route=\"/v1/a/:id\"} 7.55\n")
        .contains("lat_seconds_count{route=\"/v1/a/:id\"} 3\n")
        .contains("# TYPE size gauge\nsize 42\n")
        .contains("# TYPE broken gauge\n")
        .doesNotContain("\nbroken ");
    // families sorted by name: stable output
    assertThat(text.indexOf("# HELP broken")).isLessThan(text.indexOf("# HELP lat_seconds"));
    assertThat(c.value("plain")).isEqualTo(2);
    assertThat(h.count("/v1/a/:id")).isEqualTo(3);
  }

  @Test
  void register_badNamesDuplicatesAndWrongLabelCounts_refused() {
    Metrics m = new Metrics();
    Metrics.Counter c = m.counter("ok_total", "Ok.", "a");
    assertThatThrownBy(() -> m.counter("ok_total", "Again.")).hasMessageContaining("already");
    assertThatThrownBy(() -> m.counter("bad-name", "x")).hasMessageContaining("bad metric name");
    assertThatThrownBy(() -> m.counter("y_total", "x", "le")).hasMessageContaining("bad label");
    assertThatThrownBy(() -> c.inc()).hasMessageContaining("takes 1 label values");
    assertThatThrownBy(() -> c.add(-1, "v")).hasMessageContaining("only goes up");
    assertThatThrownBy(() -> m.histogram("h", "x", new double[] {1, 1}))
        .hasMessageContaining("ascend");
  }
}

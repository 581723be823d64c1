package org.voxproof.app.server;

import java.util.Map;
import org.voxproof.http.observe.Metrics;
import org.voxproof.http.observe.RequestObserver;
import org.voxproof.ledger.ProvenanceLedger;

/**
 * The product's own metrics on top of the request observer's latency histogram and refusal counts:
 * syntheses, detections by verdict, consents given, revocations, erasures (each counted from the
 * route that answered it with a 2xx) and the ledger's size.
 *
 * <pre>{@code
 * voxproof_syntheses_total                     POST /v1/synthesize answered 200
 * voxproof_detections_total{verdict}           POST /v1/detect answered 200, by verdict
 * voxproof_consents_total                      spoken consent accepted: a token issued
 * voxproof_revocations_total, voxproof_erasures_total
 * voxproof_ledger_entries                      the ledger's latest checkpoint size (gauge)
 * }</pre>
 */
final class ServerMetrics {
  /** Route templates whose 2xx answers count, and the counter each feeds. */
  private static final Map<String, String> EVENTS =
      Map.of(
          "POST /v1/synthesize", "syntheses",
          "POST /v1/enrollments/:id/consent", "consents",
          "POST /v1/consents/:id/revoke", "revocations",
          "DELETE /v1/voices/:voiceId", "erasures");

  private final Metrics metrics = new Metrics();
  private final RequestObserver observer = RequestObserver.create(metrics);
  private final Map<String, Metrics.Counter> events;
  private final Metrics.Counter detections;

  ServerMetrics(ProvenanceLedger ledger) {
    events =
        Map.of(
            "syntheses",
            metrics.counter(
                "voxproof_syntheses_total", "Syntheses returned (watermarked, signed)."),
            "consents",
            metrics.counter("voxproof_consents_total", "Spoken consents accepted (token issued)."),
            "revocations",
            metrics.counter("voxproof_revocations_total", "Consents revoked by their owners."),
            "erasures",
            metrics.counter("voxproof_erasures_total", "Voices erased by their owners."));
    detections =
        metrics.counter(
            "voxproof_detections_total",
            "Files examined by POST /v1/detect, by verdict.",
            "verdict");
    metrics.gauge(
        "voxproof_ledger_entries",
        "Entries in the ledger's latest checkpoint.",
        () -> {
          try {
            return ledger.latestCheckpoint().size();
          } catch (Exception e) {
            return Double.NaN; // left out of this scrape
          }
        });
    observer.onExchange(this::count);
  }

  private void count(RequestObserver.Exchange e) {
    if (e.status() < 200 || e.status() > 299) {
      return;
    }
    String event = EVENTS.get(e.method() + " " + e.route());
    if (event != null) {
      events.get(event).inc();
    }
    String verdict = e.notes().get("verdict");
    if (verdict != null) {
      detections.inc(verdict);
    }
  }

  Metrics metrics() {
    return metrics;
  }

  RequestObserver observer() {
    return observer;
  }
}

package org.voxproof.detector;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.watermark.Detection;
import org.voxproof.watermark.Segment;

/**
 * The JSON of a {@link Report} in the shape fixed by DESIGN.md, cut to what the caller's role may
 * see. Platforms get the verdict, reasons, a coarse confidence, the consent status and the licensee
 * pseudonym; investigators (police with a legal basis, operators) also get the numeric confidence,
 * {@code pFalseAlarm}, segments, per-second scores and, through {@link Disclosure}, the licensee's
 * identity and the consent id. One mapping for the HTTP API and the CLI.
 */
public final class ReportJson {
  /** What only an investigator is told: resolved outside the detector, by the consent service. */
  public record Disclosure(Optional<String> licensee, Optional<String> consentId) {}

  private ReportJson() {}

  /** The platform view: no scores, segments or false-alarm figures. */
  public static JsonObject forPlatform(Report r) {
    return base(r);
  }

  /** The investigator view (police with a recorded legal basis, operator). */
  public static JsonObject forInvestigator(Report r, Disclosure d) {
    JsonObject j = base(r);
    j.getJsonObject("confidence").put("value", r.assessment().confidence().value());
    Detection m = r.mark();
    JsonArray segments = new JsonArray();
    for (Segment s : m.segments()) {
      segments.add(new JsonObject().put("startMs", s.startMs()).put("endMs", s.endMs()));
    }
    j.getJsonObject("watermark")
        .put("pFalseAlarm", m.pFalseAlarm())
        .put("segments", segments)
        .put("perSecondScores", new JsonArray(m.perSecondScores()))
        .put("syncScore", m.syncScore())
        .put("speedFactor", m.speedFactor());
    m.keyId().ifPresent(k -> j.getJsonObject("watermark").put("keyId", k));
    d.consentId().ifPresent(c -> j.getJsonObject("consent").put("id", c));
    d.licensee().ifPresent(l -> j.put("licensee", l));
    return j;
  }

  private static JsonObject base(Report r) {
    Detection m = r.mark();
    JsonObject watermark = new JsonObject().put("found", m.found());
    m.payload().ifPresent(p -> watermark.put("payload", p.hex()));
    JsonObject manifest =
        new JsonObject()
            .put("present", r.manifest().present())
            .put("valid", r.manifest().isValid())
            .put("state", r.manifest().state())
            .put("signer", r.manifest().signer())
            .put("codes", new JsonArray(r.manifest().codes()));
    JsonObject ledger = new JsonObject();
    r.record().ifPresent(e -> ledger(ledger, e));
    JsonObject out =
        new JsonObject()
            .put("verdict", r.verdict().wire())
            .put("reasons", new JsonArray(r.assessment().reasons()))
            .put(
                "confidence",
                new JsonObject().put("level", r.assessment().confidence().level().wire()))
            .put("watermark", watermark)
            .put("manifest", manifest)
            .put("ledger", ledger)
            .put("consent", new JsonObject().put("status", r.consent().wire()))
            .put("mediaType", r.mediaType())
            .put("durationSeconds", r.durationSeconds());
    r.record()
        .map(e -> e.record().licensee())
        .filter(l -> !l.isEmpty())
        .ifPresent(l -> out.put("licenseePseudonym", l));
    return out;
  }

  private static void ledger(JsonObject ledger, LedgerEntry e) {
    ledger.put("index", e.index()).put("manifestId", e.record().id());
  }
}

package org.voxproof.provenance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.voxproof.provenance.Evidence;
import org.voxproof.provenance.Evidence.ManifestFindings;
import org.voxproof.provenance.Evidence.WatermarkFindings;
import org.voxproof.provenance.LedgerFindings;

/** The evidence bundle payload: JSON with a fixed field order (docs/provenance.md). */
public final class EvidenceJson {
  public static final String TYPE = "voxproof-evidence/v1";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EvidenceJson() {}

  public static byte[] write(Evidence e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", TYPE);
    m.put("file", Map.of("sha256", e.fileSha256(), "size", e.fileSize()));
    m.put("checkedAt", e.checkedAt().toString());
    Map<String, Object> man = new LinkedHashMap<>();
    man.put("present", e.manifest().present());
    man.put("state", e.manifest().state());
    man.put("manifestId", e.manifest().manifestId());
    man.put("signer", e.manifest().signer());
    man.put("codes", e.manifest().codes());
    m.put("manifest", man);
    Map<String, Object> wm = new LinkedHashMap<>();
    wm.put("found", e.watermark().found());
    e.watermark().payload().ifPresent(p -> wm.put("payload", p));
    e.watermark().pFalseAlarm().ifPresent(p -> wm.put("pFalseAlarm", p));
    m.put("watermark", wm);
    m.put("ledger", e.ledger().map(LedgerFindingsJson::write).orElse(null));
    m.put("consent", Map.of("status", e.consentStatus()));
    m.put("verdict", e.verdict());
    m.put("reasons", e.reasons());
    try {
      return MAPPER.writeValueAsBytes(m);
    } catch (IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
  }

  /** Parses a payload; throws IllegalArgumentException with the reason if it is not well-formed. */
  public static Evidence read(byte[] json) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("payload is not JSON");
    }
    if (n == null || !TYPE.equals(text(n, "type"))) {
      throw new IllegalArgumentException("not a " + TYPE + " payload");
    }
    try {
      JsonNode man = obj(n, "manifest");
      List<String> codes = new ArrayList<>();
      man.path("codes").forEach(c -> codes.add(c.asText()));
      JsonNode wm = obj(n, "watermark");
      JsonNode l = n.path("ledger");
      Optional<LedgerFindings> ledger =
          l.isObject() ? Optional.of(LedgerFindingsJson.read(l)) : Optional.empty();
      List<String> reasons = new ArrayList<>();
      n.path("reasons").forEach(c -> reasons.add(c.asText()));
      return new Evidence(
          text(obj(n, "file"), "sha256"),
          num(obj(n, "file"), "size"),
          Instant.parse(text(n, "checkedAt")),
          new ManifestFindings(
              man.path("present").asBoolean(),
              text(man, "state"),
              man.path("manifestId").asText(""),
              man.path("signer").asText(""),
              codes),
          new WatermarkFindings(
              wm.path("found").asBoolean(),
              wm.hasNonNull("payload") ? Optional.of(wm.get("payload").asText()) : Optional.empty(),
              wm.hasNonNull("pFalseAlarm")
                  ? OptionalDouble.of(wm.get("pFalseAlarm").asDouble())
                  : OptionalDouble.empty()),
          ledger,
          text(obj(n, "consent"), "status"),
          text(n, "verdict"),
          reasons);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("malformed evidence payload", e);
    }
  }

  private static JsonNode obj(JsonNode n, String f) {
    JsonNode o = n.get(f);
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("missing object " + f);
    }
    return o;
  }

  static String text(JsonNode n, String f) {
    JsonNode o = n.get(f);
    if (o == null || !o.isTextual()) {
      throw new IllegalArgumentException("missing text " + f);
    }
    return o.asText();
  }

  static long num(JsonNode n, String f) {
    JsonNode o = n.get(f);
    if (o == null || !o.canConvertToLong() || !o.isIntegralNumber()) {
      throw new IllegalArgumentException("missing number " + f);
    }
    return o.asLong();
  }
}

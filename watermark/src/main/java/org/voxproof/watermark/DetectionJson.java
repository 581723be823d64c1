package org.voxproof.watermark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a {@link Detection}, in one place for the CLI and every service
 * (docs/watermark.md § Detection JSON). Field order is fixed; scores are rounded for display,
 * {@code pFalseAlarm} is not.
 */
public final class DetectionJson {
  private DetectionJson() {}

  /** The detection as an ordered map of JSON values (a caller's JSON mapper writes it). */
  public static Map<String, Object> toMap(Detection d) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("found", d.found());
    json.put("payload", d.payload().map(Payload::hex).orElse(null));
    json.put("pFalseAlarm", d.pFalseAlarm());
    List<Map<String, Long>> segs = new ArrayList<>();
    for (Segment s : d.segments()) {
      Map<String, Long> seg = new LinkedHashMap<>();
      seg.put("startMs", s.startMs());
      seg.put("endMs", s.endMs());
      segs.add(seg);
    }
    json.put("segments", segs);
    json.put("keyId", d.keyId().orElse(null));
    json.put("speedFactor", round(d.speedFactor(), 10000));
    json.put("pitchFactor", round(d.pitchFactor(), 10000));
    json.put("syncScore", round(d.syncScore(), 100));
    List<Double> per = new ArrayList<>();
    for (double v : d.perSecondScores()) {
      per.add(round(v, 10));
    }
    json.put("perSecondScores", per);
    return json;
  }

  private static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }
}

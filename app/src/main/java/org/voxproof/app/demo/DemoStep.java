package org.voxproof.app.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of the demo as the summary shows it.
 *
 * @param step its name
 * @param expected what should happen
 * @param got what happened ({@code skipped} after an earlier step failed)
 * @param ms how long it took
 * @param ok whether it behaved as expected
 */
public record DemoStep(String step, String expected, String got, long ms, boolean ok) {
  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("step", step);
    m.put("expected", expected);
    m.put("got", got);
    m.put("ms", ms);
    m.put("ok", ok);
    return m;
  }
}

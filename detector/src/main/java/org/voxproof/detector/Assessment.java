package org.voxproof.detector;

import java.util.List;
import java.util.Objects;

/**
 * A verdict with the stable reasons that led to it.
 *
 * @param verdict the answer
 * @param reasons machine-readable reasons, e.g. {@code manifest_valid}, {@code watermark_found},
 *     {@code hard_binding_mismatch}; stable strings, documented in the detector README
 * @param confidence how sure
 */
public record Assessment(Verdict verdict, List<String> reasons, Confidence confidence) {
  public Assessment {
    Objects.requireNonNull(verdict, "verdict");
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(confidence, "confidence");
  }
}

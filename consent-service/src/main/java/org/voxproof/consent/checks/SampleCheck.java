package org.voxproof.consent.checks;

import java.util.List;

/** The outcome for one reference sample; {@code reasons} empty means accepted. */
public record SampleCheck(
    List<String> reasons, double durationSeconds, VoicePrint print, Fingerprint fingerprint) {
  public SampleCheck {
    reasons = List.copyOf(reasons);
  }

  public boolean passed() {
    return reasons.isEmpty();
  }
}

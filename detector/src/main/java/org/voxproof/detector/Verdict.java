package org.voxproof.detector;

import java.util.Locale;

/** The detector's answer about one file; {@link #wire()} is the fixed name in DESIGN.md. */
public enum Verdict {
  /** Our mark, a ledger record, and a valid manifest of ours bound to these bytes. */
  VERIFIED_SYNTHETIC,
  /** Our mark and its ledger record, but no manifest (re-encoded or stripped). */
  SYNTHETIC_MANIFEST_STRIPPED,
  /** A manifest whose signature or hard binding fails, or a mark that disagrees with it. */
  TAMPERED,
  /** A valid C2PA manifest from another signer, and no mark of ours. */
  FOREIGN_C2PA,
  /** Only the anti-spoofing classifier says synthetic. */
  SUSPECTED_SYNTHETIC,
  /** Nothing found. */
  NO_PROVENANCE_FOUND;

  /** The wire name, e.g. {@code verified-synthetic}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

package org.voxproof.provenance;

import java.util.Objects;

/** A manifest is missing, not valid, or not trusted; the report says which checks failed. */
public final class ManifestInvalidException extends ProvenanceException {
  private static final long serialVersionUID = 1L;
  private final transient ManifestReport report;

  public ManifestInvalidException(String message, ManifestReport report) {
    super(message);
    this.report = Objects.requireNonNull(report);
  }

  public ManifestReport report() {
    return report;
  }
}

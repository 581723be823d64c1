package org.voxproof.provenance;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * What one verification found, as an evidence bundle states it: the examined file's SHA-256, the
 * manifest and watermark findings, the ledger record with its proof, the consent status at check
 * time and the time of the check. {@link EvidenceSigner} signs it; {@link EvidenceVerifier} checks
 * it offline.
 */
public record Evidence(
    String fileSha256,
    long fileSize,
    Instant checkedAt,
    ManifestFindings manifest,
    WatermarkFindings watermark,
    Optional<LedgerFindings> ledger,
    String consentStatus,
    String verdict,
    List<String> reasons) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  /** Consent statuses (DESIGN.md), plus {@code unknown} when no consent could be resolved. */
  public static final List<String> CONSENT_STATUSES =
      List.of("active", "revoked", "expired", "erased", "unknown");

  public Evidence {
    if (fileSha256 == null || !HEX64.matcher(fileSha256).matches()) {
      throw new IllegalArgumentException("fileSha256 must be 64 lowercase hex digits");
    }
    if (fileSize < 0) {
      throw new IllegalArgumentException("fileSize must be >= 0");
    }
    Objects.requireNonNull(checkedAt, "checkedAt");
    checkedAt = Instant.ofEpochMilli(checkedAt.toEpochMilli());
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(watermark, "watermark");
    Objects.requireNonNull(ledger, "ledger");
    if (!CONSENT_STATUSES.contains(consentStatus)) {
      throw new IllegalArgumentException("consent status must be one of " + CONSENT_STATUSES);
    }
    Objects.requireNonNull(verdict, "verdict");
    reasons = List.copyOf(reasons);
  }

  /** SHA-256 of {@code file} as lowercase hex. */
  public static String sha256Hex(byte[] file) {
    try {
      return HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The C2PA manifest findings. */
  public record ManifestFindings(
      boolean present, String state, String manifestId, String signer, List<String> codes) {
    public ManifestFindings {
      Objects.requireNonNull(state);
      manifestId = manifestId == null ? "" : manifestId;
      signer = signer == null ? "" : signer;
      codes = List.copyOf(codes);
    }

    public static ManifestFindings from(ManifestReport r) {
      return new ManifestFindings(
          r.present(), r.state(), r.activeManifest(), r.signer(), r.codes());
    }
  }

  /** The watermark findings: payload as 8 lowercase hex digits when found. */
  public record WatermarkFindings(
      boolean found, Optional<String> payload, OptionalDouble pFalseAlarm) {
    public WatermarkFindings {
      Objects.requireNonNull(payload);
      Objects.requireNonNull(pFalseAlarm);
    }

    public static WatermarkFindings notFound() {
      return new WatermarkFindings(false, Optional.empty(), OptionalDouble.empty());
    }
  }
}

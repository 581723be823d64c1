package org.voxproof.provenance;

import java.util.LinkedHashMap;
import java.util.Map;
import org.voxproof.provenance.internal.JsonText;

/**
 * The JSON shapes of a {@link ManifestReport}, in one place for the command line and the services:
 * {@link #full} is what {@code voxproof manifest show} prints; {@link #summary} is the {@code
 * manifest} object of a detection result ({@code {"present","valid","signer","codes"}}). Maps keep
 * their field order; values are strings, booleans, numbers, lists and maps only.
 */
public final class ManifestReportJson {
  private ManifestReportJson() {}

  /**
   * {@code {"present","valid","trusted","state","manifestId","signer","codes","failures",
   * "statuses":[{"code","url","success","explanation"}],"voxproof":{...}}}; {@code voxproof} only
   * when the manifest carries VoxProof's assertions.
   */
  public static Map<String, Object> full(ManifestReport r) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("present", r.present());
    j.put("valid", r.isValid());
    j.put("trusted", r.isTrusted());
    j.put("state", r.state());
    j.put("manifestId", r.activeManifest());
    j.put("signer", r.signer());
    j.put("codes", r.codes());
    j.put("failures", r.failureCodes());
    j.put("statuses", r.statuses().stream().map(ManifestReportJson::status).toList());
    r.voxproof().ifPresent(a -> j.put("voxproof", voxproof(a)));
    return j;
  }

  /** {@code {"present","valid","signer","codes"}}: a detection result's {@code manifest}. */
  public static Map<String, Object> summary(ManifestReport r) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("present", r.present());
    j.put("valid", r.isValid());
    j.put("signer", r.signer());
    j.put("codes", r.codes());
    return j;
  }

  /** {@link #full} as one line of JSON. */
  public static String toJson(ManifestReport r) {
    return JsonText.write(full(r));
  }

  private static Map<String, Object> status(ValidationStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", s.code());
    m.put("url", s.url());
    m.put("success", s.success());
    m.put("explanation", s.explanation());
    return m;
  }

  private static Map<String, Object> voxproof(VoxProofAssertions a) {
    Map<String, Object> v = new LinkedHashMap<>();
    a.manifestId().ifPresent(x -> v.put("manifestId", x));
    a.watermarkPayload().ifPresent(x -> v.put("watermarkPayload", String.format("%08x", x)));
    a.watermarkStartMillis().ifPresent(x -> v.put("watermarkStartMillis", x));
    a.watermarkEndMillis().ifPresent(x -> v.put("watermarkEndMillis", x));
    a.licensee().ifPresent(x -> v.put("licensee", x));
    a.purpose().ifPresent(x -> v.put("purpose", x));
    a.ledgerOrigin().ifPresent(x -> v.put("ledgerOrigin", x));
    a.ledgerIndex().ifPresent(x -> v.put("ledgerIndex", x));
    a.consentCommitmentHex().ifPresent(x -> v.put("consentCommitment", x));
    a.assurance().ifPresent(x -> v.put("assurance", x));
    return v;
  }
}

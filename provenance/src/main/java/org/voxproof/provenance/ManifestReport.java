package org.voxproof.provenance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading and validating the manifest of one file found.
 *
 * @param present whether the file carries a C2PA manifest store
 * @param state {@code NoManifest}, {@code Invalid}, {@code Valid} (cryptographically sound, signer
 *     not trusted) or {@code Trusted}, as c2pa-rs names them
 * @param activeManifest the active manifest's label ({@code urn:c2pa:...}), or empty
 * @param signer the signing certificate's subject, or empty
 * @param statuses every validation status, successes and failures, in the order checked
 * @param voxproof VoxProof's own assertions, when the manifest carries them
 */
public record ManifestReport(
    boolean present,
    String state,
    String activeManifest,
    String signer,
    List<ValidationStatus> statuses,
    Optional<VoxProofAssertions> voxproof) {
  public static final String NO_MANIFEST = "NoManifest";
  public static final String INVALID = "Invalid";
  public static final String VALID = "Valid";
  public static final String TRUSTED = "Trusted";

  public ManifestReport {
    Objects.requireNonNull(state);
    activeManifest = activeManifest == null ? "" : activeManifest;
    signer = signer == null ? "" : signer;
    statuses = List.copyOf(statuses);
    Objects.requireNonNull(voxproof);
  }

  public static ManifestReport none() {
    return new ManifestReport(false, NO_MANIFEST, "", "", List.of(), Optional.empty());
  }

  /** Distinct codes in check order. */
  public List<String> codes() {
    return statuses.stream().map(ValidationStatus::code).distinct().toList();
  }

  public List<String> failureCodes() {
    return statuses.stream()
        .filter(s -> !s.success())
        .map(ValidationStatus::code)
        .distinct()
        .toList();
  }

  /** Signature, hashes and bindings are all sound (the signer may still be untrusted). */
  public boolean isValid() {
    return VALID.equals(state) || TRUSTED.equals(state);
  }

  public boolean isTrusted() {
    return TRUSTED.equals(state);
  }
}

package org.voxproof.provenance;

import java.util.Objects;

/**
 * One C2PA validation status (C2PA 2.2 §15.2): a code such as {@code claimSignature.validated} or
 * {@code assertion.dataHash.mismatch}, the JUMBF URI it is about, and whether it is a success.
 */
public record ValidationStatus(String code, String url, String explanation, boolean success) {
  public static final String CLAIM_SIGNATURE_VALIDATED = "claimSignature.validated";
  public static final String CLAIM_SIGNATURE_MISMATCH = "claimSignature.mismatch";
  public static final String CLAIM_SIGNATURE_MISSING = "claimSignature.missing";
  public static final String CLAIM_SIGNATURE_INSIDE_VALIDITY = "claimSignature.insideValidity";
  public static final String CLAIM_SIGNATURE_OUTSIDE_VALIDITY = "claimSignature.outsideValidity";
  public static final String SIGNING_CREDENTIAL_TRUSTED = "signingCredential.trusted";
  public static final String SIGNING_CREDENTIAL_UNTRUSTED = "signingCredential.untrusted";
  public static final String SIGNING_CREDENTIAL_INVALID = "signingCredential.invalid";
  public static final String HASHED_URI_MATCH = "assertion.hashedURI.match";
  public static final String HASHED_URI_MISMATCH = "assertion.hashedURI.mismatch";
  public static final String ASSERTION_MISSING = "assertion.missing";
  public static final String DATA_HASH_MATCH = "assertion.dataHash.match";
  public static final String DATA_HASH_MISMATCH = "assertion.dataHash.mismatch";
  public static final String DATA_HASH_MALFORMED = "assertion.dataHash.malformed";
  public static final String HARD_BINDINGS_MISSING = "claim.hardBindings.missing";
  public static final String CLAIM_MISSING = "claim.missing";
  public static final String CLAIM_MALFORMED = "claim.malformed";
  public static final String ALGORITHM_UNSUPPORTED = "algorithm.unsupported";

  /**
   * c2pa-rs's code for a failure without a code of its own; VoxProof reports a manifest store that
   * is there but cannot be read (cut short, damaged JUMBF) with it, explained as "manifest store
   * damaged: ...".
   */
  public static final String GENERAL_ERROR = "general.error";

  public ValidationStatus {
    Objects.requireNonNull(code);
    url = url == null ? "" : url;
    explanation = explanation == null ? "" : explanation;
  }

  public static ValidationStatus ok(String code, String url, String explanation) {
    return new ValidationStatus(code, url, explanation, true);
  }

  public static ValidationStatus fail(String code, String url, String explanation) {
    return new ValidationStatus(code, url, explanation, false);
  }
}

package org.voxproof.consent.token;

/**
 * The names a consent token uses (docs/consent.md "Token format"). Registered JWT claims (RFC 7519
 * §4.1) plus VoxProof's private claims and the Token Status List {@code status} claim.
 */
public final class ConsentClaims {
  /** The JOSE {@code typ} of a consent token (explicit typing, RFC 8725 §3.11). */
  public static final String TYPE = "voxproof-consent+jwt";

  /** SPEC: draft-ietf-oauth-status-list §5.1: the {@code typ} of a Status List Token. */
  public static final String STATUS_LIST_TYPE = "statuslist+jwt";

  /** SPEC: draft-ietf-oauth-status-list §8.1: the media type of a Status List Token. */
  public static final String STATUS_LIST_MEDIA_TYPE = "application/statuslist+jwt";

  /** Where status lists live below the issuer URL: {@code <issuer>/v1/status-lists/<n>}. */
  public static final String STATUS_LIST_PATH = "/v1/status-lists/";

  /** Where the token keys live below the issuer URL. */
  public static final String JWKS_PATH = "/.well-known/jwks.json";

  public static final String CONSENT_ID = "consent_id";
  public static final String OWNER_ID = "owner_id";
  public static final String PURPOSES = "purposes";
  public static final String LANGUAGES = "languages";
  public static final String MAX_CHARS = "max_chars";
  public static final String ASSURANCE = "assurance";
  public static final String EVIDENCE_SHA256 = "evidence_sha256";
  public static final String COMMITMENT = "commitment";

  /** SPEC: draft-ietf-oauth-status-list §6.1: {@code status: {status_list: {idx, uri}}}. */
  public static final String STATUS = "status";

  public static final String STATUS_LIST = "status_list";
  public static final String IDX = "idx";
  public static final String URI = "uri";

  /** SPEC: draft-ietf-oauth-status-list §5.1: cache lifetime of a Status List Token (seconds). */
  public static final String TTL = "ttl";

  public static final String BITS = "bits";
  public static final String LST = "lst";

  private ConsentClaims() {}
}

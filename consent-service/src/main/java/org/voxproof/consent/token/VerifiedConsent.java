package org.voxproof.consent.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.voxproof.policy.Assurance;
import org.voxproof.policy.Resource;

/**
 * A consent token that {@link ConsentVerifier} checked: signature (fixed algorithm, known key),
 * issuer, validity window, audience and current status. Only the verifier constructs one, so a
 * method that takes a {@code VerifiedConsent} (synthesis) cannot be reached with an unchecked
 * token. Immutable; {@code toString} prints identifiers only.
 */
public final class VerifiedConsent {
  private final String issuer;
  private final ConsentGrant grant;

  VerifiedConsent(String issuer, ConsentGrant grant) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.grant = Objects.requireNonNull(grant, "grant");
  }

  /** Every claim of the token. */
  public ConsentGrant grant() {
    return grant;
  }

  /** {@code iss}: the consent service that issued it. */
  public String issuer() {
    return issuer;
  }

  /** {@code jti}. */
  public String tokenId() {
    return grant.tokenId();
  }

  public String consentId() {
    return grant.consentId();
  }

  /** {@code sub}: the consented voice. */
  public String voiceId() {
    return grant.voiceId();
  }

  /** The owner's opaque id (never a name). */
  public String ownerId() {
    return grant.ownerId();
  }

  /** {@code aud}: the licensee organisation the voice is licensed to. */
  public String licensee() {
    return grant.licensee();
  }

  public Set<String> purposes() {
    return grant.purposes();
  }

  public Set<String> languages() {
    return grant.languages();
  }

  /** The longest text one synthesis request may carry. */
  public int maxCharacters() {
    return grant.maxCharacters();
  }

  public Assurance assurance() {
    return grant.assurance();
  }

  /** Lowercase hex SHA-256 of the consent evidence. */
  public String evidenceSha256() {
    return grant.evidenceSha256();
  }

  /** The salted commitment (32 bytes) that manifests and ledger records carry. */
  public byte[] commitment() {
    return grant.commitment();
  }

  public Instant issuedAt() {
    return grant.issuedAt();
  }

  public Instant notBefore() {
    return grant.notBefore();
  }

  public Instant expiresAt() {
    return grant.expiresAt();
  }

  /** The consent as the policy module sees it (the licensee is the tenant). */
  public Resource.Consent asPolicyResource() {
    return new Resource.Consent(
        consentId(), licensee(), ownerId(), voiceId(), purposes(), languages(), assurance());
  }

  @Override
  public String toString() {
    return "VerifiedConsent[" + grant.consentId() + ", voice " + grant.voiceId() + "]";
  }
}

package org.voxproof.synth;

import java.time.Instant;
import java.util.Set;
import org.voxproof.policy.Assurance;
import org.voxproof.policy.Resource;

/**
 * A consent token that the consent verifier has checked (signature, algorithm, audience, expiry,
 * status). Synthesis accepts nothing else.
 *
 * <p>PROVISIONAL: consent-service's own verified type does not exist yet. This interface is the
 * minimum synthesis needs; when the verifier lands, its type implements (or is adapted to) this
 * interface and only the verifier constructs it. Tests implement it directly.
 */
public interface VerifiedConsent {
  /** The consent record's id. */
  String consentId();

  /** The consented voice. */
  String voiceId();

  /** The voice owner's id (an identifier, never a name). */
  String ownerId();

  /** The licensee (token audience, the tenant allowed to use the voice). */
  String licensee();

  /** Purposes the owner consented to. */
  Set<String> purposes();

  /** Languages the owner consented to (BCP 47). */
  Set<String> languages();

  /** How strongly the consent's checks were backed. */
  Assurance assurance();

  /** When the token expires. */
  Instant expiresAt();

  /** The salted commitment to the consent record (32 bytes) that manifests and ledger carry. */
  byte[] commitment();

  /** The consent as the policy module sees it. */
  default Resource.Consent asPolicyResource() {
    return new Resource.Consent(
        consentId(), licensee(), ownerId(), voiceId(), purposes(), languages(), assurance());
  }
}

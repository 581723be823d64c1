package org.voxproof.consent.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A consent as stored: identifiers, hashes, the signed token and its status; no personal data.
 *
 * @param id the consent id
 * @param enrolmentId its enrolment
 * @param voiceId the consented voice
 * @param licenseeOrg the licensee organisation (audience)
 * @param tokenId the token's {@code jti}
 * @param commitmentHex the salted commitment that manifests and ledger records carry (hex)
 * @param statusIndex the token's global status index
 * @param assurance {@code basic} or {@code high}
 * @param evidenceSha256 SHA-256 of the consent recording (hex)
 * @param token the signed consent token
 * @param created when it was given
 * @param expires when it ends
 * @param revoked when it was revoked, or null
 * @param revocationEvent the ledger event id of the revocation, or null
 * @param erased when the voice was erased, or null
 */
public record ConsentRecord(
    String id,
    String enrolmentId,
    String voiceId,
    String licenseeOrg,
    String tokenId,
    String commitmentHex,
    long statusIndex,
    String assurance,
    String evidenceSha256,
    String token,
    Instant created,
    Instant expires,
    Instant revoked,
    String revocationEvent,
    Instant erased) {
  public ConsentRecord {
    Objects.requireNonNull(id, "id");
  }

  /** {@code active}, {@code revoked}, {@code expired} or {@code erased} at {@code now}. */
  public String status(Instant now) {
    if (erased != null) {
      return "erased";
    }
    if (revoked != null) {
      return "revoked";
    }
    return now.isBefore(expires) ? "active" : "expired";
  }

  @Override
  public String toString() {
    return "ConsentRecord[" + id + ", voice " + voiceId + "]";
  }
}

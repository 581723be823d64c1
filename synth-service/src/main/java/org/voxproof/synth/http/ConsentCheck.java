package org.voxproof.synth.http;

import org.voxproof.consent.token.ConsentTokenException;
import org.voxproof.consent.token.StatusUnavailableException;
import org.voxproof.consent.token.VerifiedConsent;

/**
 * Turns a consent token into a {@link VerifiedConsent} for the calling licensee: consent-service's
 * {@code ConsentVerifier::verify} (in-process key ring and status list, or the remote consent
 * service). May block: the route calls it on its worker pool.
 */
@FunctionalInterface
public interface ConsentCheck {
  /**
   * @param token the compact JWS the licensee sent
   * @param audience the organisation of the authenticated licensee client
   * @throws ConsentTokenException {@code invalid_token}, {@code consent_expired}, {@code
   *     consent_revoked} or {@code out_of_scope}
   * @throws StatusUnavailableException the status cannot be read now (503, fail closed)
   */
  VerifiedConsent verify(String token, String audience)
      throws ConsentTokenException, StatusUnavailableException;
}

package org.voxproof.consent.token;

/**
 * Where the verifier reads a token's current status: the consent service's own status lists in the
 * same process, or its Status List Tokens over HTTP ({@link StatusListClient}). Thread-safe; may
 * block on the network or the database.
 */
@FunctionalInterface
public interface StatusSource {
  /**
   * The status at {@code index} of the list at {@code uri} (a URI the verifier already matched to
   * its issuer): {@link StatusList#VALID}, {@link StatusList#INVALID} or {@link
   * StatusList#SUSPENDED}.
   *
   * @throws InvalidTokenException when the list has no such index or the URI is not a list
   * @throws StatusUnavailableException when the status cannot be established now (fail closed)
   */
  int status(String uri, long index) throws InvalidTokenException, StatusUnavailableException;
}

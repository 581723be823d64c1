package org.voxproof.http.auth;

import java.util.Optional;

/**
 * Turns one kind of bearer secret into a {@link Principal}. Each kind has its own prefix (API keys
 * {@code vxk_}; the consent service registers owner secrets and invitations under theirs), so a
 * secret is only ever shown to the store that issued it. {@link #resolve} may block: it runs on a
 * worker pool, and it is called on every request, so a revocation takes effect on the next one.
 */
public interface BearerResolver {
  /** The prefix every secret of this kind starts with, e.g. {@code "vxk_"}. */
  String prefix();

  /**
   * The principal this secret authenticates, or empty when it is unknown, revoked or expired. Must
   * compare secrets in constant time and never log them.
   *
   * @throws Exception when the store cannot answer (mapped by the router's problem map, e.g. 503)
   */
  Optional<Principal> resolve(String secret) throws Exception;
}

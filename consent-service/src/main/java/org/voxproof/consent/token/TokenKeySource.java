package org.voxproof.consent.token;

import com.nimbusds.jose.JWSVerifier;
import java.util.Objects;
import java.util.Optional;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.KeyRingException;
import org.voxproof.provenance.TokenKeys;

/**
 * Where the verifier finds the public key of a token's {@code kid}: the key ring in the same
 * process ({@link #of(KeyRing)}), or the consent service's JWK set over HTTP ({@link JwksClient}).
 * Implementations are thread-safe; {@link #verifier} may block on the network.
 */
public interface TokenKeySource {
  /**
   * The verifier of key {@code kid}, or empty when this source does not know it.
   *
   * @throws StatusUnavailableException when the keys cannot be fetched (fail closed)
   */
  Optional<JWSVerifier> verifier(String kid) throws StatusUnavailableException;

  /**
   * A number that changes whenever a key may have been withdrawn; the verifier's cache drops what
   * it verified under an older generation.
   */
  default long generation() {
    return 0;
  }

  /** The token keys of {@code ring}: current and retired keys, following rotations. */
  static TokenKeySource of(KeyRing ring) {
    Objects.requireNonNull(ring, "ring");
    return kid -> {
      try {
        return ring.tokenKeys().verifier(kid);
      } catch (KeyRingException e) {
        throw new StatusUnavailableException("token keys unavailable: " + e.getMessage(), e);
      }
    };
  }

  /** A fixed set of token keys. */
  static TokenKeySource of(TokenKeys keys) {
    Objects.requireNonNull(keys, "keys");
    return keys::verifier;
  }
}

package org.voxproof.consent.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.util.Objects;
import org.voxproof.consent.token.internal.ClaimsCodec;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.KeyRingException;
import org.voxproof.provenance.TokenKeys;

/**
 * Signs consent tokens (compact JWS, ES256, {@code kid} of the key ring's current token key, {@code
 * typ} {@value ConsentClaims#TYPE}). Thread-safe. The claims are those of {@link ConsentGrant} with
 * {@code iss} set to this issuer.
 */
public final class ConsentTokenIssuer {
  /** Signs with the keys a ring hands out now (follows rotation). */
  @FunctionalInterface
  interface Keys {
    TokenKeys get() throws KeyRingException;
  }

  private final String issuer;
  private final Keys keys;

  private ConsentTokenIssuer(String issuer, Keys keys) {
    this.issuer = Issuers.check(issuer);
    this.keys = keys;
  }

  /** An issuer named {@code issuer} (its public base URL) signing with {@code ring}'s token key. */
  public static ConsentTokenIssuer create(String issuer, KeyRing ring) {
    Objects.requireNonNull(ring, "ring");
    return new ConsentTokenIssuer(issuer, ring::tokenKeys);
  }

  /** An issuer signing with fixed {@code keys}. */
  public static ConsentTokenIssuer create(String issuer, TokenKeys keys) {
    Objects.requireNonNull(keys, "keys");
    return new ConsentTokenIssuer(issuer, () -> keys);
  }

  public String issuer() {
    return issuer;
  }

  /** The URI of status list {@code n} of this issuer. */
  public String statusListUri(int n) {
    return Issuers.statusListUri(issuer, n);
  }

  /**
   * The signed token for {@code grant}.
   *
   * @throws KeyRingException when the token key cannot sign
   */
  public String issue(ConsentGrant grant) throws KeyRingException {
    TokenKeys k = keys.get();
    JWSObject jws =
        new JWSObject(
            k.header().type(new JOSEObjectType(ConsentClaims.TYPE)).build(),
            new Payload(ClaimsCodec.toClaims(issuer, grant)));
    try {
      jws.sign(k.signer());
    } catch (JOSEException e) {
      throw new KeyRingException("consent token signing failed: " + e.getMessage(), e);
    }
    return jws.serialize();
  }

  @Override
  public String toString() {
    return "ConsentTokenIssuer[" + issuer + "]";
  }
}

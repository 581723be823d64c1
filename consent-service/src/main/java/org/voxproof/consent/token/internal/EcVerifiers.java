package org.voxproof.consent.token.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** ES256 verifiers on Bouncy Castle (the JDK's provider is ~13x slower here; CONVENTIONS.md). */
public final class EcVerifiers {
  private static final Provider BC = new BouncyCastleProvider();

  private EcVerifiers() {}

  /**
   * A verifier for a JWK from a key set, or an exception saying why the key is not usable: it must
   * be a public EC P-256 key with a {@code kid}, for signatures, for ES256 (or no {@code alg}).
   */
  public static JWSVerifier of(JWK jwk) throws JOSEException {
    if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
      throw new JOSEException("not an EC P-256 key");
    }
    if (ec.isPrivate()) {
      throw new JOSEException("a key set must not hold private keys");
    }
    if (ec.getKeyID() == null
        || (ec.getAlgorithm() != null && !JwsChecks.ALGORITHM.equals(ec.getAlgorithm()))
        || (ec.getKeyUse() != null && !KeyUse.SIGNATURE.equals(ec.getKeyUse()))) {
      throw new JOSEException("key without kid, or not an ES256 signature key");
    }
    ECDSAVerifier v = new ECDSAVerifier(ec.toECPublicKey(BC));
    v.getJCAContext().setProvider(BC);
    return v;
  }
}

package org.voxproof.provenance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voxproof.provenance.internal.CredentialJwsSigner;
import org.voxproof.provenance.internal.Crypto;

/**
 * The consent-token keys as JOSE primitives (Nimbus): a signer for the current key and verifiers
 * for the current and every retired key, selected by {@code kid}. ES256 only; signing happens where
 * the key lives (Bouncy Castle in software, or the PKCS#11 token), verification uses Bouncy Castle.
 * No private key ever leaves this object.
 *
 * <pre>{@code
 * TokenKeys keys = ring.tokenKeys();
 * SignedJWT jwt = new SignedJWT(keys.header().type(JOSEObjectType.JWT).build(), claims);
 * jwt.sign(keys.signer());
 * JWSVerifier v = keys.verifier(jwt.getHeader().getKeyID()).orElseThrow(...);
 * }</pre>
 */
public final class TokenKeys {
  /** The one algorithm tokens use. */
  public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

  private final String currentKeyId;
  private final JWSSigner signer;
  private final Map<String, ECPublicKey> publicKeys; // current first, then retired
  private final Map<String, JWSVerifier> verifiers;

  TokenKeys(SigningCredential current, List<PublicKey> retired) throws ProvenanceException {
    this.currentKeyId = KeyRing.keyId(current.certificate().getPublicKey());
    this.signer = new CredentialJwsSigner(current, currentKeyId);
    Map<String, ECPublicKey> keys = new LinkedHashMap<>();
    Map<String, JWSVerifier> vs = new LinkedHashMap<>();
    List<PublicKey> all = new ArrayList<>();
    all.add(current.certificate().getPublicKey());
    all.addAll(retired);
    for (PublicKey k : all) {
      ECPublicKey bc = toBc(k);
      String kid = KeyRing.keyId(k);
      keys.putIfAbsent(kid, bc);
      vs.putIfAbsent(kid, verifier(bc));
    }
    this.publicKeys = java.util.Collections.unmodifiableMap(keys);
    this.verifiers = java.util.Collections.unmodifiableMap(vs);
  }

  private static ECPublicKey toBc(PublicKey k) throws ProvenanceException {
    try {
      PublicKey bc =
          KeyFactory.getInstance("EC", Crypto.BC)
              .generatePublic(new X509EncodedKeySpec(k.getEncoded()));
      if (!(bc instanceof ECPublicKey ec)
          || Curve.forECParameterSpec(ec.getParams()) != Curve.P_256) {
        throw new ProvenanceException("token keys are EC P-256");
      }
      return ec;
    } catch (GeneralSecurityException e) {
      throw new ProvenanceException("unreadable token key: " + e.getMessage(), e);
    }
  }

  private static JWSVerifier verifier(ECPublicKey k) throws ProvenanceException {
    try {
      ECDSAVerifier v = new ECDSAVerifier(k);
      v.getJCAContext().setProvider(Crypto.BC);
      return v;
    } catch (JOSEException e) {
      throw new ProvenanceException("unusable token key: " + e.getMessage(), e);
    }
  }

  /** The key id of the key that signs new tokens. */
  public String currentKeyId() {
    return currentKeyId;
  }

  /** A header builder with {@code alg} ES256 and {@code kid} of the current key. */
  public JWSHeader.Builder header() {
    return new JWSHeader.Builder(ALGORITHM).keyID(currentKeyId);
  }

  /** Signs with the current key; refuses headers with another algorithm or key id. */
  public JWSSigner signer() {
    return signer;
  }

  /** The verifier of key {@code kid} (current or retired), if the ring has it. */
  public Optional<JWSVerifier> verifier(String kid) {
    return kid == null ? Optional.empty() : Optional.ofNullable(verifiers.get(kid));
  }

  /** Key ids, the current one first. */
  public List<String> keyIds() {
    return List.copyOf(publicKeys.keySet());
  }

  /** The public keys as a JWK set (for {@code /.well-known/jwks.json}), the current one first. */
  public JWKSet publicJwkSet() {
    List<JWK> jwks = new ArrayList<>();
    publicKeys.forEach(
        (kid, k) ->
            jwks.add(
                new ECKey.Builder(Curve.P_256, k)
                    .keyID(kid)
                    .algorithm(ALGORITHM)
                    .keyUse(KeyUse.SIGNATURE)
                    .build()));
    return new JWKSet(jwks);
  }

  @Override
  public String toString() {
    return "TokenKeys[current " + currentKeyId + ", " + publicKeys.size() + " keys]";
  }
}

package org.voxproof.provenance.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.voxproof.provenance.ProvenanceException;
import org.voxproof.provenance.SigningCredential;

/**
 * A signing credential (software or PKCS#11) as a Nimbus {@link JWSSigner} for ES256; the key never
 * leaves the credential. With a key id, it refuses a header that names another key.
 */
public final class CredentialJwsSigner implements JWSSigner {
  private final SigningCredential cred;
  private final String keyId; // null: any
  private final JCAContext jca = new JCAContext();

  public CredentialJwsSigner(SigningCredential cred, String keyId) {
    if (!"ES256".equals(cred.algorithm())) {
      throw new IllegalArgumentException("JWS signing needs an ES256 key");
    }
    this.cred = cred;
    this.keyId = keyId;
  }

  @Override
  public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
    if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
      throw new JOSEException("this key signs ES256 only, not " + header.getAlgorithm());
    }
    if (keyId != null && !keyId.equals(header.getKeyID())) {
      throw new JOSEException("the header's kid is not this key's (" + keyId + ")");
    }
    try {
      return Base64URL.encode(cred.sign(signingInput)); // SPEC: RFC 7518 §3.4 raw r||s
    } catch (ProvenanceException e) {
      throw new JOSEException(e.getMessage(), e);
    }
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Set.of(JWSAlgorithm.ES256);
  }

  @Override
  public JCAContext getJCAContext() {
    return jca;
  }

  @Override
  public String toString() {
    return "CredentialJwsSigner[" + cred + (keyId == null ? "" : ", kid " + keyId) + "]";
  }
}

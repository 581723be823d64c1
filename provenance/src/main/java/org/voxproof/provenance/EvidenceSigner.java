package org.voxproof.provenance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.voxproof.provenance.internal.EvidenceJson;

/**
 * Signs evidence bundles as the operator: a compact JWS (ES256) whose {@code x5c} header carries
 * the evidence-signing certificate and the intermediate, so that a verifier needs only the
 * operator's root.
 *
 * <pre>{@code
 * String bundle = EvidenceSigner.builder().keyRing(ring).build().sign(evidence);
 * }</pre>
 */
public final class EvidenceSigner {
  /** The JWS {@code typ} of an evidence bundle. */
  public static final String TYP = "voxproof-evidence+jws";

  private final SigningCredential credential;

  private EvidenceSigner(SigningCredential credential) {
    this.credential = credential;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options: the evidence-signing credential, normally from the key ring. */
  public static final class Builder {
    private SigningCredential credential;

    private Builder() {}

    public Builder keyRing(KeyRing ring) throws KeyRingException {
      this.credential = ring.evidenceSigner();
      return this;
    }

    public EvidenceSigner build() {
      Objects.requireNonNull(credential, "EvidenceSigner needs a key ring");
      return new EvidenceSigner(credential);
    }
  }

  /** The bundle: one line of compact JWS text, ending in a newline. */
  public String sign(Evidence evidence) throws ProvenanceException {
    try {
      List<Base64> x5c = new ArrayList<>();
      for (X509Certificate c : credential.certificateChain()) {
        x5c.add(Base64.encode(c.getEncoded()));
      }
      JWSHeader header =
          new JWSHeader.Builder(JWSAlgorithm.ES256)
              .type(new JOSEObjectType(TYP))
              .x509CertChain(x5c)
              .build();
      JWSObject jws = new JWSObject(header, new Payload(EvidenceJson.write(evidence)));
      jws.sign(new CredentialSigner(credential));
      return jws.serialize() + "\n";
    } catch (CertificateEncodingException | JOSEException e) {
      throw new ProvenanceException("cannot sign evidence: " + e.getMessage(), e);
    }
  }

  /** Adapts a credential (software or PKCS#11) to Nimbus; the key never leaves the credential. */
  private static final class CredentialSigner implements JWSSigner {
    private final SigningCredential cred;
    private final JCAContext jca = new JCAContext();

    CredentialSigner(SigningCredential cred) {
      this.cred = cred;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
      try {
        return Base64URL.encode(cred.sign(signingInput)); // ES256: raw r||s, as RFC 7518 §3.4
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
  }
}

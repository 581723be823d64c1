package org.voxproof.provenance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.voxproof.provenance.internal.CredentialJwsSigner;
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
      jws.sign(new CredentialJwsSigner(credential, null));
      return jws.serialize() + "\n";
    } catch (CertificateEncodingException | JOSEException e) {
      throw new ProvenanceException("cannot sign evidence: " + e.getMessage(), e);
    }
  }
}

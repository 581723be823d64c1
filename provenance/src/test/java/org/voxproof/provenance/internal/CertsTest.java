package org.voxproof.provenance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxproof.provenance.internal.Certs.Profile;

class CertsTest {
  @Test
  void profileOf_eachIssuedProfile_readBackFromItsExtensions() throws Exception {
    KeyPair root = Crypto.newP256();
    X509Certificate rootCert =
        CertIssuer.selfSignedRoot(root.getPublic(), root.getPrivate(), Crypto.BC, "Token Signer");
    assertThat(Certs.profileOf(rootCert)).isNull();
    for (Profile p :
        List.of(
            Profile.C2PA_SIGNER,
            Profile.EVIDENCE_SIGNER,
            Profile.TOKEN_SIGNER,
            Profile.CHECKPOINT)) {
      KeyPair k = p == Profile.CHECKPOINT ? Crypto.newEd25519() : Crypto.newP256();
      X509Certificate c =
          CertIssuer.issue(
              k.getPublic(), p, 1, "Token Signer", rootCert, root.getPrivate(), Crypto.BC);
      assertThat(Certs.profileOf(c)).as(p.name()).isEqualTo(p);
    }
  }

  @Test
  void toPem_parsesBackToTheSameCertificates() throws Exception {
    KeyPair root = Crypto.newP256();
    X509Certificate c =
        CertIssuer.selfSignedRoot(root.getPublic(), root.getPrivate(), Crypto.BC, "Org");
    String pem = Certs.toPem(List.of(c, c));
    assertThat(pem)
        .startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("-----END CERTIFICATE-----\n");
    assertThat(pem.lines().filter(l -> !l.startsWith("-----")).allMatch(l -> l.length() <= 64))
        .isTrue();
    assertThat(Certs.parsePem(pem)).containsExactly(c, c);
  }
}

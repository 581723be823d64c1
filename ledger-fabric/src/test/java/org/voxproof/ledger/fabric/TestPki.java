package org.voxproof.ledger.fabric;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away certificate authority issuing EC P-256 identities, as a Fabric MSP would. */
final class TestPki {
  /** A certificate and its key. */
  record Issued(X509Certificate cert, PrivateKey key) {}

  private final AtomicLong serial = new AtomicLong(1);
  final Issued ca;

  TestPki(String name) throws Exception {
    KeyPair kp = keys();
    ca =
        new Issued(
            sign("CN=" + name, kp.getPublic(), "CN=" + name, kp.getPrivate()), kp.getPrivate());
  }

  Issued issue(String cn) throws Exception {
    KeyPair kp = keys();
    String issuer = ca.cert().getSubjectX500Principal().getName();
    return new Issued(sign("CN=" + cn, kp.getPublic(), issuer, ca.key()), kp.getPrivate());
  }

  private X509Certificate sign(
      String subject, java.security.PublicKey pub, String issuer, PrivateKey issuerKey)
      throws Exception {
    var holder =
        new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                BigInteger.valueOf(serial.getAndIncrement()),
                Date.from(Instant.now().minusSeconds(60)),
                Date.from(Instant.now().plusSeconds(86_400)),
                new X500Name(subject),
                pub)
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey));
    return new JcaX509CertificateConverter().getCertificate(holder);
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }
}

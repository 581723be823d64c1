package org.voxproof.ledger.fabric;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority of one organisation, issuing EC P-256 identities as Fabric's
 * cryptogen does: the node role in the subject's OU ({@code client}, {@code peer}, {@code orderer},
 * {@code admin}).
 */
final class TestPki {
  /** A certificate and its key. */
  record Issued(X509Certificate cert, PrivateKey key) {}

  private static final AtomicLong SERIAL = new AtomicLong(1);
  final String org;
  final Issued ca;

  TestPki(String org) throws Exception {
    this.org = org;
    KeyPair kp = keys();
    String name = "CN=ca." + org + ",O=" + org;
    ca = new Issued(sign(name, kp.getPublic(), name, kp.getPrivate(), true), kp.getPrivate());
  }

  /** An identity with this common name and node role (OU). */
  Issued issue(String cn, String role) throws Exception {
    KeyPair kp = keys();
    String issuer = "CN=ca." + org + ",O=" + org;
    String subject = "CN=" + cn + ",OU=" + role + ",O=" + org;
    return new Issued(sign(subject, kp.getPublic(), issuer, ca.key(), false), kp.getPrivate());
  }

  private static X509Certificate sign(
      String subject, PublicKey pub, String issuer, PrivateKey issuerKey, boolean isCa)
      throws Exception {
    var b =
        new JcaX509v3CertificateBuilder(
            new X500Name(issuer),
            BigInteger.valueOf(SERIAL.getAndIncrement()),
            Date.from(Instant.now().minusSeconds(60)),
            Date.from(Instant.now().plusSeconds(86_400)),
            new X500Name(subject),
            pub);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    b.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
    return new JcaX509CertificateConverter()
        .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }
}

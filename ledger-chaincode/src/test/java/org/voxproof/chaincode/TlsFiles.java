package org.voxproof.chaincode;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A TLS CA writing PEM files as Fabric's cryptogen does: P-256 keys, PKCS#8, SANs. */
final class TlsFiles {
  private static final AtomicLong SERIAL = new AtomicLong(1);
  private final Path dir;
  private final String name;
  private final KeyPair caKeys;
  final Path caCert;
  private final X509Certificate ca;

  TlsFiles(Path dir, String name) throws Exception {
    this.dir = dir;
    this.name = name;
    this.caKeys = keys();
    this.ca = cert("CN=" + name, caKeys, "CN=" + name, caKeys.getPrivate(), true, null);
    this.caCert = write(name + "-ca.pem", ca);
  }

  /** Issues a leaf for {@code cn} valid as TLS server and client; returns {cert, key} files. */
  Path[] issue(String cn) throws Exception {
    KeyPair kp = keys();
    X509Certificate c = cert("CN=" + cn, kp, "CN=" + name, caKeys.getPrivate(), false, cn);
    return new Path[] {write(cn + ".pem", c), writeKey(cn + "-key.pem", kp.getPrivate())};
  }

  private static X509Certificate cert(
      String subject, KeyPair kp, String issuer, PrivateKey signer, boolean isCa, String host)
      throws Exception {
    var b =
        new JcaX509v3CertificateBuilder(
            new X500Name(issuer),
            BigInteger.valueOf(SERIAL.getAndIncrement()),
            Date.from(Instant.now().minusSeconds(60)),
            Date.from(Instant.now().plusSeconds(86_400)),
            new X500Name(subject),
            kp.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (isCa) {
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.dNSName, host),
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")
              }));
    }
    return new JcaX509CertificateConverter()
        .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
  }

  private Path write(String file, Object pemObject) throws Exception {
    StringWriter s = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(s)) {
      w.writeObject(pemObject);
    }
    return Files.writeString(dir.resolve(file), s.toString());
  }

  private Path writeKey(String file, PrivateKey key) throws Exception {
    return write(file, new JcaPKCS8Generator(key, null));
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }
}

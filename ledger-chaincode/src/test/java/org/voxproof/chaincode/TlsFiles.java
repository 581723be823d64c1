package org.voxproof.chaincode;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * A TLS CA writing PEM files as Fabric's cryptogen does: P-256 keys, PKCS#8, SANs. Also the one
 * certificate builder of the Fabric tests ({@link #certificate}: ledger-fabric's MSP identities).
 */
public final class TlsFiles {
  private static final AtomicLong SERIAL = new AtomicLong(1);
  private final Path dir;
  private final String name;
  private final KeyPair caKeys;

  /** The CA certificate's PEM file. */
  public final Path caCert;

  private final X509Certificate ca;

  /** A new CA named {@code name}; its certificate is written to {@code dir/<name>-ca.pem}. */
  public TlsFiles(Path dir, String name) throws Exception {
    this.dir = dir;
    this.name = name;
    this.caKeys = p256();
    this.ca =
        certificate(
            "CN=" + name, caKeys.getPublic(), "CN=" + name, caKeys.getPrivate(), true, null);
    this.caCert = write(name + "-ca.pem", ca);
  }

  /** Issues a leaf for {@code cn} valid as TLS server and client; returns {cert, key} files. */
  public Path[] issue(String cn) throws Exception {
    KeyPair kp = p256();
    X509Certificate c =
        certificate("CN=" + cn, kp.getPublic(), "CN=" + name, caKeys.getPrivate(), false, cn);
    return new Path[] {write(cn + ".pem", c), writeKey(cn + "-key.pem", kp.getPrivate())};
  }

  /**
   * A certificate valid from a minute ago for a day, signed with ECDSA/SHA-256. A CA gets {@code
   * keyCertSign}; a leaf {@code digitalSignature}, and with a {@code tlsHost} also TLS server and
   * client use and the SANs {@code tlsHost}, {@code localhost}, {@code 127.0.0.1}.
   */
  public static X509Certificate certificate(
      String subject, PublicKey key, String issuer, PrivateKey signer, boolean isCa, String tlsHost)
      throws Exception {
    var b =
        new JcaX509v3CertificateBuilder(
            new X500Name(issuer),
            BigInteger.valueOf(SERIAL.getAndIncrement()),
            Date.from(Instant.now().minusSeconds(60)),
            Date.from(Instant.now().plusSeconds(86_400)),
            new X500Name(subject),
            key);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (isCa) {
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    }
    if (!isCa && tlsHost != null) {
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
                new GeneralName(GeneralName.dNSName, tlsHost),
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

  /** A fresh EC P-256 key pair. */
  public static KeyPair p256() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }
}

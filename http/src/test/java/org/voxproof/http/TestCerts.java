package org.voxproof.http;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed server certificates for the TLS tests (EC P-256, SAN localhost and 127.0.0.1). */
public final class TestCerts {
  private TestCerts() {}

  /** A certificate and key as PEM files. */
  public record Pem(Path cert, Path key, X509Certificate certificate) {}

  public static KeyPair p256() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  public static X509Certificate selfSigned(KeyPair kp, Instant notBefore, Instant notAfter)
      throws Exception {
    X500Name name = new X500Name("CN=localhost");
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(System.nanoTime()),
            Date.from(notBefore),
            Date.from(notAfter),
            name,
            kp.getPublic());
    b.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            }));
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
  }

  /** Writes a valid certificate and its PKCS#8 key as PEM files in {@code dir}. */
  public static Pem write(Path dir, String name) throws Exception {
    KeyPair kp = p256();
    Instant now = Instant.now();
    X509Certificate c =
        selfSigned(kp, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    return write(dir, name, c, kp);
  }

  public static Pem write(Path dir, String name, X509Certificate c, KeyPair kp) throws Exception {
    Path cert = dir.resolve(name + ".crt");
    Path key = dir.resolve(name + ".key");
    Files.writeString(cert, pem(c), StandardCharsets.US_ASCII);
    Files.writeString(
        key,
        pem(new JcaPKCS8Generator(kp.getPrivate(), null).generate()),
        StandardCharsets.US_ASCII);
    return new Pem(cert, key, c);
  }

  private static String pem(Object o) throws Exception {
    StringWriter s = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(s)) {
      w.writeObject(o);
    }
    return s.toString();
  }
}

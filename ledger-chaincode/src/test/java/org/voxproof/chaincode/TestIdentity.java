package org.voxproof.chaincode;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemWriter;

/** A creator identity as the peer passes it: a serialized {@code msp.SerializedIdentity}. */
public final class TestIdentity {
  private TestIdentity() {}

  public static byte[] serialized(String mspId) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair kp = g.generateKeyPair();
    X500Name name = new X500Name("CN=operator,O=VoxProof");
    X509CertificateHolder cert =
        new JcaX509v3CertificateBuilder(
                name,
                BigInteger.ONE,
                Date.from(Instant.now()),
                Date.from(Instant.now().plusSeconds(86_400)),
                name,
                kp.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
    StringWriter pem = new StringWriter();
    try (PemWriter w = new PemWriter(pem)) {
      w.writeObject(new JcaMiscPEMGenerator(cert));
    }
    // msp.SerializedIdentity { string mspid = 1; bytes id_bytes = 2; }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    field(out, 1, mspId.getBytes(StandardCharsets.UTF_8));
    field(out, 2, pem.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, int number, byte[] value) {
    out.write((number << 3) | 2);
    int len = value.length;
    while (len >= 0x80) {
      out.write((len & 0x7f) | 0x80);
      len >>>= 7;
    }
    out.write(len);
    out.writeBytes(value);
  }
}

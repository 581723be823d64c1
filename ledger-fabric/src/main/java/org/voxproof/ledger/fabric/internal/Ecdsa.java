package org.voxproof.ledger.fabric.internal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Fabric's signatures: ECDSA with SHA-256 over the signed bytes, DER, low-S (Bouncy Castle). */
public final class Ecdsa {
  private static final Provider BC = new BouncyCastleProvider();

  private Ecdsa() {}

  /**
   * SPEC: Fabric bccsp/sw verifyECDSA: a signature whose S is above half the curve order is refused
   * (signatures are not malleable on a channel).
   */
  public static boolean verify(X509Certificate signer, byte[] message, byte[] derSignature) {
    if (!(signer.getPublicKey() instanceof ECPublicKey pub)) {
      return false;
    }
    try {
      ASN1Sequence seq = ASN1Sequence.getInstance(derSignature);
      if (seq.size() != 2) {
        return false;
      }
      BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
      BigInteger halfOrder = pub.getParams().getOrder().shiftRight(1);
      if (s.signum() <= 0 || s.compareTo(halfOrder) > 0) {
        return false;
      }
      Signature v = Signature.getInstance("SHA256withECDSA", BC);
      v.initVerify(pub);
      v.update(message);
      return v.verify(derSignature);
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      return false;
    }
  }

  /** Whether {@code issuer}'s key signed {@code cert}. */
  public static boolean issued(X509Certificate issuer, X509Certificate cert) {
    try {
      cert.verify(issuer.getPublicKey(), BC);
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** Parses one X.509 certificate (PEM or DER). */
  public static X509Certificate certificate(byte[] encoded) throws GeneralSecurityException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(encoded));
  }

  /** SHA-256. */
  public static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

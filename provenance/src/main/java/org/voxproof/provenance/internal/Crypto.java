package org.voxproof.provenance.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.BigIntegers;

/** The one place that picks providers and algorithms: Bouncy Castle 1.86 on hot paths. */
public final class Crypto {
  /** Bouncy Castle, used as an instance; never installed globally. */
  public static final Provider BC = new BouncyCastleProvider();

  private static final SecureRandom RANDOM = new SecureRandom();

  private Crypto() {}

  public static SecureRandom random() {
    return RANDOM;
  }

  public static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  /** A fresh EC P-256 key pair, in software. */
  public static KeyPair newP256() throws GeneralSecurityException {
    return newP256(BC);
  }

  /** A fresh EC P-256 key pair from {@code provider} (a PKCS#11 token keeps its private key). */
  public static KeyPair newP256(Provider provider) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", provider);
    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return g.generateKeyPair();
  }

  /** A fresh Ed25519 key pair, in software. */
  public static KeyPair newEd25519() throws GeneralSecurityException {
    return KeyPairGenerator.getInstance("Ed25519", BC).generateKeyPair();
  }

  /** Re-imports a software private key into Bouncy Castle (the JDK's is slow). */
  public static PrivateKey toBc(PrivateKey key) throws GeneralSecurityException {
    byte[] enc = key.getEncoded();
    if (enc == null) {
      return key; // not extractable: a hardware key, used through its own provider
    }
    String alg = "EC".equals(key.getAlgorithm()) ? "EC" : "Ed25519";
    return KeyFactory.getInstance(alg, BC).generatePrivate(new PKCS8EncodedKeySpec(enc));
  }

  /** DER ECDSA signature to the fixed-width r||s form COSE and JWS use. */
  public static byte[] derToRaw(byte[] der, int half) throws GeneralSecurityException {
    try {
      ASN1Sequence seq = ASN1Sequence.getInstance(der);
      if (seq.size() != 2) {
        throw new GeneralSecurityException("bad ECDSA signature");
      }
      byte[] out = new byte[2 * half];
      put(ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue(), out, 0, half);
      put(ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue(), out, half, half);
      return out;
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("bad ECDSA signature", e);
    }
  }

  /** Fixed-width r||s to DER, or throws if the length is wrong. */
  public static byte[] rawToDer(byte[] raw, int half) throws GeneralSecurityException {
    if (raw.length != 2 * half) {
      throw new GeneralSecurityException("ECDSA signature has wrong length");
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, half));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, half, 2 * half));
    try {
      return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)})
          .getEncoded();
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static void put(BigInteger v, byte[] out, int off, int len)
      throws GeneralSecurityException {
    if (v.bitLength() > len * 8) {
      throw new GeneralSecurityException("ECDSA value too large");
    }
    System.arraycopy(BigIntegers.asUnsignedByteArray(len, v), 0, out, off, len);
  }
}

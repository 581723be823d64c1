package org.voxproof.provenance.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Signatures on the hot paths: Bouncy Castle's lightweight API (ECDSA ~13x faster than the JDK's
 * provider here, no provider lookup per call, and no provider start-up on the read path). ES256 is
 * deterministic (RFC 6979) for software keys; a PKCS#11 key signs through its token's provider.
 * Signatures are raw r||s, as COSE and JWS carry them.
 */
public final class Sig {
  private Sig() {}

  /** Signs bytes with one key; the key never leaves the object. */
  public interface RawSigner {
    byte[] sign(byte[] data) throws GeneralSecurityException;
  }

  /**
   * A signer for {@code key}: Bouncy Castle for a software key (PKCS#8 encodable), else the key's
   * own provider (a PKCS#11 token; null for software keys). {@code ed25519} selects EdDSA, else
   * ES256.
   */
  public static RawSigner signer(PrivateKey key, Provider provider, boolean ed25519)
      throws GeneralSecurityException {
    if (key.getEncoded() == null) {
      return jca(key, provider, ed25519);
    }
    if (ed25519) {
      Ed25519PrivateKeyParameters ed = ed25519PrivateKey(key);
      return data -> ed25519Sign(ed, data);
    }
    if (!(key instanceof ECPrivateKey ec)) {
      throw new GeneralSecurityException("not an EC private key");
    }
    ECDomainParameters dom = domain(ec.getParams());
    if (dom.getN().bitLength() != 256) {
      throw new GeneralSecurityException("ES256 needs a P-256 key");
    }
    ECPrivateKeyParameters k = new ECPrivateKeyParameters(ec.getS(), dom);
    return data -> es256Sign(k, data);
  }

  private static Ed25519PrivateKeyParameters ed25519PrivateKey(PrivateKey key)
      throws GeneralSecurityException {
    byte[] pkcs8 = key.getEncoded();
    try {
      PrivateKeyInfo pki = PrivateKeyInfo.getInstance(pkcs8);
      if (!EdECObjectIdentifiers.id_Ed25519.equals(pki.getPrivateKeyAlgorithm().getAlgorithm())) {
        throw new GeneralSecurityException("not an Ed25519 private key");
      }
      byte[] seed = ASN1OctetString.getInstance(pki.parsePrivateKey()).getOctets();
      try {
        return new Ed25519PrivateKeyParameters(seed, 0);
      } finally {
        Arrays.fill(seed, (byte) 0);
      }
    } catch (IOException | RuntimeException e) {
      throw new GeneralSecurityException("unreadable Ed25519 private key", e);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  private static RawSigner jca(PrivateKey key, Provider provider, boolean ed25519) {
    return data -> {
      Signature s = Signature.getInstance(ed25519 ? "Ed25519" : "SHA256withECDSA", provider);
      s.initSign(key);
      s.update(data);
      return ed25519 ? s.sign() : Crypto.derToRaw(s.sign(), 32);
    };
  }

  private static byte[] ed25519Sign(Ed25519PrivateKeyParameters k, byte[] data) {
    Ed25519Signer s = new Ed25519Signer();
    s.init(true, k);
    s.update(data, 0, data.length);
    return s.generateSignature();
  }

  // SPEC: RFC 7518 §3.4 / RFC 9053 §2.1: ES256 = ECDSA P-256 over SHA-256, raw r||s.
  private static byte[] es256Sign(ECPrivateKeyParameters k, byte[] data) {
    ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    s.init(true, k);
    BigInteger[] rs = s.generateSignature(sha(256, data));
    byte[] out = new byte[64];
    BigIntegers.asUnsignedByteArray(rs[0], out, 0, 32);
    BigIntegers.asUnsignedByteArray(rs[1], out, 32, 32);
    return out;
  }

  /**
   * A public key in Bouncy Castle's form (EC on P-256/384/521, or Ed25519), parsed once and reused
   * for many verifications. The point is checked to lie on the named curve; a certificate with
   * other (explicit) curve parameters is refused.
   */
  public static CipherParameters publicKey(PublicKey key) throws GeneralSecurityException {
    if (key instanceof ECPublicKey ec) {
      ECDomainParameters dom = domain(ec.getParams());
      try {
        ECPoint q = dom.getCurve().validatePoint(ec.getW().getAffineX(), ec.getW().getAffineY());
        return new ECPublicKeyParameters(q, dom);
      } catch (IllegalArgumentException e) {
        throw new GeneralSecurityException("EC public key is not a point on its curve", e);
      }
    }
    byte[] spki = key.getEncoded();
    if (("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm()))
        && spki != null
        && spki.length == ED25519_SPKI_PREFIX.length + 32
        && Arrays.equals(ED25519_SPKI_PREFIX, 0, 12, spki, 0, 12)) {
      return new Ed25519PublicKeyParameters(spki, 12);
    }
    throw new java.security.InvalidKeyException("unsupported key " + key.getAlgorithm());
  }

  // SPEC: RFC 8410 §4: SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (32 bytes) }.
  private static final byte[] ED25519_SPKI_PREFIX =
      java.util.HexFormat.of().parseHex("302a300506032b6570032100");

  /** The named curve (P-256, P-384 or P-521) whose parameters equal {@code spec}, else throws. */
  static ECDomainParameters domain(ECParameterSpec spec) throws GeneralSecurityException {
    String name =
        switch (spec.getOrder().bitLength()) {
          case 256 -> "secp256r1";
          case 384 -> "secp384r1";
          case 521 -> "secp521r1";
          default -> throw new java.security.InvalidKeyException("unsupported curve");
        };
    X9ECParameters x9 = CustomNamedCurves.getByName(name);
    ECCurve c = x9.getCurve();
    if (!(spec.getCurve().getField() instanceof ECFieldFp fp)
        || !fp.getP().equals(c.getField().getCharacteristic())
        || !spec.getCurve().getA().equals(c.getA().toBigInteger())
        || !spec.getCurve().getB().equals(c.getB().toBigInteger())
        || !spec.getOrder().equals(x9.getN())
        || spec.getCofactor() != 1
        || !spec.getGenerator().getAffineX().equals(x9.getG().getAffineXCoord().toBigInteger())
        || !spec.getGenerator().getAffineY().equals(x9.getG().getAffineYCoord().toBigInteger())) {
      throw new java.security.InvalidKeyException("curve is not " + name);
    }
    return new ECDomainParameters(x9);
  }

  /**
   * Verifies a raw ECDSA signature (r||s, SHA-{@code bits}, on the curve {@code bits} fixes);
   * throws {@link SignatureException} if it does not verify or the key does not fit the algorithm.
   */
  public static void verifyEcdsa(CipherParameters key, int bits, byte[] data, byte[] raw)
      throws GeneralSecurityException {
    if (!(key instanceof ECPublicKeyParameters ec)) {
      throw new SignatureException("not an EC key");
    }
    int order = ec.getParameters().getN().bitLength();
    if (order != (bits == 512 ? 521 : bits)) { // SPEC: RFC 9053 §2.1 ES256/384/512 fix the curve
      throw new SignatureException("ES" + bits + " with a " + order + "-bit curve");
    }
    int half = (order + 7) / 8;
    if (raw.length != 2 * half) {
      throw new SignatureException("ECDSA signature has wrong length");
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, half));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, half, raw.length));
    ECDSASigner v = new ECDSASigner();
    v.init(false, ec);
    if (!v.verifySignature(sha(bits, data), r, s)) { // refuses r, s outside [1, n-1]
      throw new SignatureException("signature does not verify");
    }
  }

  public static void verifyEd25519(CipherParameters key, byte[] data, byte[] sig)
      throws GeneralSecurityException {
    if (!(key instanceof Ed25519PublicKeyParameters ed)) {
      throw new SignatureException("not an Ed25519 key");
    }
    Ed25519Signer v = new Ed25519Signer();
    v.init(false, ed);
    v.update(data, 0, data.length);
    if (!v.verifySignature(sig)) {
      throw new SignatureException("signature does not verify");
    }
  }

  static byte[] sha(int bits, byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-" + bits).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

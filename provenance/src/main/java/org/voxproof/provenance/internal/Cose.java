package org.voxproof.provenance.internal;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.CipherParameters;
import org.voxproof.provenance.ProvenanceException;
import org.voxproof.provenance.SigningCredential;
import org.voxproof.provenance.internal.Cbor.CborException;
import org.voxproof.provenance.internal.Cbor.Tagged;

/** COSE_Sign1 (RFC 9052) as C2PA uses it: tag 18, detached payload, x5chain protected. */
public final class Cose {
  public static final long TAG_SIGN1 = 18;
  public static final long HDR_ALG = 1;
  public static final long HDR_X5CHAIN = 33;
  public static final long ES256 = -7;
  public static final long ES384 = -35;
  public static final long ES512 = -36;
  public static final long EDDSA = -8;
  public static final long PS256 = -37;

  private Cose() {}

  /** A parsed COSE_Sign1 with a detached payload; the x5chain as DER (leaf first). */
  @SuppressWarnings("ArrayRecordComponent") // parsed from a store and used read-only
  public record Sign1(byte[] protectedBytes, long alg, List<byte[]> chainDer, byte[] signature) {
    public Sign1 {
      chainDer = List.copyOf(chainDer);
    }

    /** The chain, parsed (callers that validate many files use a {@link ChainCache}). */
    public List<X509Certificate> chain() throws java.security.cert.CertificateException {
      List<X509Certificate> out = new ArrayList<>();
      for (byte[] der : chainDer) {
        out.add(Certs.parse(der));
      }
      return out;
    }
  }

  /** Signs {@code payload} (the claim) and returns the tagged COSE_Sign1 bytes. */
  // SPEC: C2PA 2.2 §13.2 (COSE signature); RFC 9052 §4.4; RFC 9360 x5chain.
  public static byte[] sign(byte[] payload, SigningCredential cred, byte[] protectedBytes)
      throws ProvenanceException {
    return envelope(protectedBytes, cred.sign(toBeSigned(protectedBytes, payload)));
  }

  /**
   * A COSE_Sign1 of exactly the size {@link #sign} makes, with a zero signature (ES256 raw and
   * Ed25519 signatures are both 64 bytes); no key use.
   */
  public static byte[] placeholder(byte[] protectedBytes) {
    return envelope(protectedBytes, new byte[64]);
  }

  private static byte[] envelope(byte[] protectedBytes, byte[] sig) {
    List<Object> arr = new ArrayList<>();
    arr.add(protectedBytes);
    arr.add(Map.of());
    arr.add(null); // SPEC: C2PA 2.2 §13.2.1 — detached payload: the claim is not repeated
    arr.add(sig);
    return Cbor.encode(new Tagged(TAG_SIGN1, arr));
  }

  /** The protected header for {@code cred}: algorithm and x5chain (leaf, intermediates). */
  public static byte[] protectedHeader(SigningCredential cred) throws ProvenanceException {
    Map<Object, Object> prot = new LinkedHashMap<>();
    prot.put(HDR_ALG, "ES256".equals(cred.algorithm()) ? ES256 : EDDSA);
    List<Object> ders = new ArrayList<>();
    try {
      for (X509Certificate c : cred.certificateChain()) {
        ders.add(c.getEncoded());
      }
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new ProvenanceException("cannot encode certificate", e);
    }
    prot.put(HDR_X5CHAIN, ders.size() == 1 ? ders.get(0) : ders);
    return Cbor.encode(prot);
  }

  static byte[] toBeSigned(byte[] protectedBytes, byte[] payload) {
    // SPEC: RFC 9052 §4.4 Sig_structure
    List<Object> s = new ArrayList<>();
    s.add("Signature1");
    s.add(protectedBytes);
    s.add(new byte[0]);
    s.add(payload);
    return Cbor.encode(s);
  }

  /** Parses a tagged (or untagged) COSE_Sign1; x5chain from the protected (or unprotected) map. */
  public static Sign1 parse(byte[] bytes) throws CborException {
    Object o = Cbor.decode(bytes);
    if (o instanceof Tagged t) {
      if (t.tag() != TAG_SIGN1) {
        throw new CborException("not a COSE_Sign1 tag");
      }
      o = t.value();
    }
    if (!(o instanceof List<?> a) || a.size() != 4) {
      throw new CborException("COSE_Sign1 is not a 4-element array");
    }
    if (!(a.get(0) instanceof byte[] prot) || !(a.get(3) instanceof byte[] sig)) {
      throw new CborException("malformed COSE_Sign1");
    }
    if (!(a.get(1) instanceof Map<?, ?> unprot)) {
      throw new CborException("malformed COSE_Sign1 unprotected header");
    }
    Object ph = prot.length == 0 ? Map.of() : Cbor.decode(prot);
    if (!(ph instanceof Map<?, ?> pm) || !(pm.get(HDR_ALG) instanceof Long alg)) {
      throw new CborException("COSE protected header without alg");
    }
    Object x5 = pm.containsKey(HDR_X5CHAIN) ? pm.get(HDR_X5CHAIN) : unprot.get(HDR_X5CHAIN);
    List<byte[]> chain = new ArrayList<>();
    if (x5 instanceof byte[] one) {
      chain.add(one);
    } else if (x5 instanceof List<?> many) {
      for (Object c : many) {
        if (!(c instanceof byte[] der)) {
          throw new CborException("x5chain entry is not a byte string");
        }
        chain.add(der);
      }
    }
    if (chain.isEmpty()) {
      throw new CborException("COSE_Sign1 without x5chain");
    }
    return new Sign1(prot, alg, chain, sig);
  }

  /** Verifies the signature over {@code payload}; throws if it does not verify. */
  public static void verify(Sign1 s, byte[] payload) throws GeneralSecurityException {
    if (!supported(s.alg())) {
      throw new java.security.NoSuchAlgorithmException("unsupported COSE alg " + s.alg());
    }
    if (s.alg() == PS256) {
      verifyPs256(s, toBeSigned(s.protectedBytes(), payload));
      return;
    }
    verify(s, Sig.publicKey(s.chain().get(0).getPublicKey()), payload);
  }

  public static boolean supported(long alg) {
    return alg == ES256 || alg == ES384 || alg == ES512 || alg == EDDSA || alg == PS256;
  }

  /** As {@link #verify(Sign1, byte[])} with the leaf's key already parsed (cached by callers). */
  public static void verify(Sign1 s, CipherParameters key, byte[] payload)
      throws GeneralSecurityException {
    byte[] tbs = toBeSigned(s.protectedBytes(), payload);
    try {
      if (s.alg() == ES256 || s.alg() == ES384 || s.alg() == ES512) {
        int bits = s.alg() == ES256 ? 256 : s.alg() == ES384 ? 384 : 512;
        Sig.verifyEcdsa(key, bits, tbs, s.signature());
      } else if (s.alg() == EDDSA) {
        Sig.verifyEd25519(key, tbs, s.signature());
      } else {
        throw new java.security.NoSuchAlgorithmException("unsupported COSE alg " + s.alg());
      }
    } catch (RuntimeException e) {
      // Bouncy Castle rejects hostile keys (e.g. a point not on the curve) unchecked
      throw new java.security.SignatureException("invalid key or signature: " + e.getMessage(), e);
    }
  }

  private static void verifyPs256(Sign1 s, byte[] tbs) throws GeneralSecurityException {
    Signature v = Signature.getInstance("SHA256withRSAandMGF1", Crypto.BC);
    v.initVerify(Certs.parse(s.chainDer().get(0)).getPublicKey());
    v.update(tbs);
    if (!v.verify(s.signature())) {
      throw new java.security.SignatureException("signature does not verify");
    }
  }
}

package org.voxproof.provenance;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import org.voxproof.provenance.internal.Certs;
import org.voxproof.provenance.internal.Pem;
import org.voxproof.provenance.internal.Sig;

/**
 * A private key (in software or on a PKCS#11 token) with its certificate chain: leaf first, then
 * intermediates, never the root. The key carries its algorithm: ES256 for EC P-256 keys, EdDSA for
 * Ed25519. {@link #toString()} shows only the certificate subject.
 */
public final class SigningCredential {
  private final Sig.RawSigner signer;
  private final boolean extractable;
  private final List<X509Certificate> chain;
  private final String algorithm;

  SigningCredential(PrivateKey key, Provider provider, List<X509Certificate> chain)
      throws ProvenanceException {
    this.chain = List.copyOf(chain);
    if (this.chain.isEmpty()) {
      throw new ProvenanceException("a signing credential needs its certificate chain");
    }
    String keyAlg = this.chain.get(0).getPublicKey().getAlgorithm();
    this.algorithm =
        switch (keyAlg) {
          case "EC" -> "ES256";
          case "Ed25519", "EdDSA" -> "EdDSA";
          default -> throw new ProvenanceException("unsupported signing key type " + keyAlg);
        };
    this.extractable = key.getEncoded() != null;
    try {
      this.signer = Sig.signer(key, provider, "EdDSA".equals(algorithm));
      checkPair(this.signer, this.chain.get(0), algorithm);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new ProvenanceException("unusable signing key: " + e.getMessage(), e);
    }
  }

  /** A key that does not belong to its certificate would make every signature fail validation. */
  private static void checkPair(Sig.RawSigner s, X509Certificate cert, String alg)
      throws GeneralSecurityException {
    byte[] probe = "voxproof key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    var pub = Sig.publicKey(cert.getPublicKey());
    try {
      if ("EdDSA".equals(alg)) {
        Sig.verifyEd25519(pub, probe, s.sign(probe));
      } else {
        Sig.verifyEcdsa(pub, 256, probe, s.sign(probe));
      }
    } catch (java.security.SignatureException e) {
      throw new GeneralSecurityException("private key does not match the certificate", e);
    }
  }

  /**
   * A credential from PEM: a PKCS#8 private key and the chain (leaf first; a self-signed root at
   * the end is dropped). For keys made outside VoxProof, such as a test chain.
   */
  public static SigningCredential fromPem(String privateKeyPem, String chainPem)
      throws ProvenanceException {
    try {
      PrivateKey k = Pem.privateKey(privateKeyPem);
      List<X509Certificate> certs = Certs.parsePem(chainPem);
      return new SigningCredential(k, null, Pem.withoutRoot(certs));
    } catch (GeneralSecurityException e) {
      throw new ProvenanceException("cannot read signing credential: " + e.getMessage(), e);
    }
  }

  /** {@code ES256} or {@code EdDSA}. */
  public String algorithm() {
    return algorithm;
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** Leaf first, then intermediates; no root. */
  public List<X509Certificate> certificateChain() {
    return chain;
  }

  /** Signs {@code data}; ES256 signatures are raw r||s (64 bytes), as COSE and JWS need. */
  public byte[] sign(byte[] data) throws ProvenanceException {
    try {
      return signer.sign(data);
    } catch (GeneralSecurityException | RuntimeException e) { // a token may fail unchecked
      throw new ProvenanceException("signing failed: " + e.getMessage(), e);
    }
  }

  /** Whether the private key can leave its store (false for a key held by a PKCS#11 token). */
  public boolean isExtractable() {
    return extractable;
  }

  @Override
  public String toString() {
    return "SigningCredential[" + algorithm + ", " + certificate().getSubjectX500Principal() + "]";
  }
}

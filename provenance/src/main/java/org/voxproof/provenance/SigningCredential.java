package org.voxproof.provenance;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.voxproof.provenance.internal.Crypto;

/**
 * A private key (in software or on a PKCS#11 token) with its certificate chain: leaf first, then
 * intermediates, never the root. The key carries its algorithm: ES256 for EC P-256 keys, EdDSA for
 * Ed25519. {@link #toString()} shows only the certificate subject.
 */
public final class SigningCredential {
  private final PrivateKey key;
  private final Provider provider;
  private final List<X509Certificate> chain;
  private final String algorithm;

  SigningCredential(PrivateKey key, Provider provider, List<X509Certificate> chain)
      throws ProvenanceException {
    this.key = Objects.requireNonNull(key);
    this.provider = Objects.requireNonNull(provider);
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
  }

  /**
   * A credential from PEM: a PKCS#8 private key and the chain (leaf first; a self-signed root at
   * the end is dropped). For keys made outside VoxProof, such as a test chain.
   */
  public static SigningCredential fromPem(String privateKeyPem, String chainPem)
      throws ProvenanceException {
    try {
      PrivateKey k = org.voxproof.provenance.internal.Pem.privateKey(privateKeyPem);
      List<X509Certificate> certs = org.voxproof.provenance.internal.Certs.parsePem(chainPem);
      return new SigningCredential(
          Crypto.toBc(k), Crypto.BC, org.voxproof.provenance.internal.Pem.withoutRoot(certs));
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
      if ("EdDSA".equals(algorithm)) {
        Signature s = Signature.getInstance("Ed25519", provider);
        s.initSign(key);
        s.update(data);
        return s.sign();
      }
      Signature s = Signature.getInstance("SHA256withECDSA", provider);
      s.initSign(key);
      s.update(data);
      return Crypto.derToRaw(s.sign(), 32);
    } catch (GeneralSecurityException e) {
      throw new ProvenanceException("signing failed: " + e.getMessage(), e);
    }
  }

  /** Whether the private key can leave its store (false for a key held by a PKCS#11 token). */
  public boolean isExtractable() {
    return key.getEncoded() != null;
  }

  @Override
  public String toString() {
    return "SigningCredential[" + algorithm + ", " + certificate().getSubjectX500Principal() + "]";
  }
}

package org.voxproof.provenance.internal;

import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's certificate profiles, and parsing and PEM for certificates (JDK only, so that the
 * read path loads no Bouncy Castle PKIX classes). Issuance is {@link CertIssuer}.
 */
public final class Certs {
  /** SPEC: C2PA 2.2 §14.5.1 c2pa-kp-claimSigning. */
  public static final String C2PA_CLAIM_SIGNING = "1.3.6.1.4.1.62558.2.1";

  /** id-kp-emailProtection, accepted by C2PA validators for claim signing. */
  public static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";

  /** SPEC: RFC 9336 id-kp-documentSigning; VoxProof uses it for evidence bundles only. */
  public static final String DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36";

  /** What a certificate is for; fixes its extensions. */
  public enum Profile {
    ROOT("Root CA", Duration.ofDays(7300)),
    INTERMEDIATE("Intermediate CA", Duration.ofDays(3650)),
    C2PA_SIGNER("C2PA Signer", Duration.ofDays(1095)),
    EVIDENCE_SIGNER("Evidence Signer", Duration.ofDays(1095)),
    TOKEN_SIGNER("Token Signer", Duration.ofDays(1095)),
    CHECKPOINT("Ledger Checkpoint Key", Duration.ofDays(3650));

    final String cn;
    final Duration validity;

    Profile(String cn, Duration validity) {
      this.cn = cn;
      this.validity = validity;
    }
  }

  private Certs() {}

  public static X509Certificate parse(byte[] der) throws CertificateException {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new java.io.ByteArrayInputStream(der));
    } catch (RuntimeException e) {
      throw new CertificateException("malformed certificate", e);
    }
  }

  /** All certificates in a PEM text (order kept). */
  public static List<X509Certificate> parsePem(String pem) throws CertificateException {
    List<X509Certificate> out = new ArrayList<>();
    for (java.security.cert.Certificate c :
        CertificateFactory.getInstance("X.509")
            .generateCertificates(
                new java.io.ByteArrayInputStream(
                    pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
      out.add((X509Certificate) c);
    }
    return out;
  }

  /** Trust anchors from PEM text: at least one certificate, else a {@code ProvenanceException}. */
  public static List<X509Certificate> parseTrustAnchorsPem(String pem)
      throws org.voxproof.provenance.ProvenanceException {
    try {
      List<X509Certificate> certs = parsePem(pem);
      if (certs.isEmpty()) {
        throw new org.voxproof.provenance.ProvenanceException("no certificate in trust anchor PEM");
      }
      return certs;
    } catch (CertificateException e) {
      throw new org.voxproof.provenance.ProvenanceException("unreadable trust anchor PEM", e);
    }
  }

  /** PEM text of certificates, one after the other (RFC 7468: 64-character lines). */
  public static String toPem(List<X509Certificate> certs) {
    java.util.Base64.Encoder b64 =
        java.util.Base64.getMimeEncoder(
            64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    StringBuilder sb = new StringBuilder();
    for (X509Certificate c : certs) {
      try {
        sb.append("-----BEGIN CERTIFICATE-----\n")
            .append(b64.encodeToString(c.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException("unencodable certificate", e);
      }
    }
    return sb.toString();
  }

  /**
   * What a certificate the operator's intermediate issued is for, read from its extensions (the
   * same ones {@link CertIssuer} writes): C2PA claim signing EKU, document-signing EKU, or no EKU
   * on an EC leaf (token) or Ed25519 leaf (checkpoint); null for anything else.
   */
  public static Profile profileOf(X509Certificate c) {
    try {
      if (c.getBasicConstraints() >= 0) {
        return null;
      }
      List<String> eku = c.getExtendedKeyUsage();
      String alg = c.getPublicKey().getAlgorithm();
      if (eku == null) {
        return "EC".equals(alg)
            ? Profile.TOKEN_SIGNER
            : "Ed25519".equals(alg) || "EdDSA".equals(alg) ? Profile.CHECKPOINT : null;
      }
      if (eku.contains(C2PA_CLAIM_SIGNING)) {
        return Profile.C2PA_SIGNER;
      }
      return eku.contains(DOCUMENT_SIGNING) ? Profile.EVIDENCE_SIGNER : null;
    } catch (CertificateParsingException e) {
      return null;
    }
  }
}

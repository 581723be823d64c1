package org.voxproof.provenance.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Issues the operator's certificates (Bouncy Castle) and reads/writes PEM. */
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

  /** A self-signed root CA certificate. */
  public static X509Certificate selfSignedRoot(
      PublicKey key, PrivateKey signingKey, Provider provider, String org)
      throws GeneralSecurityException {
    X500Name name = name(org, Profile.ROOT, 0);
    return build(key, name, name, null, signingKey, provider, Profile.ROOT);
  }

  /** A certificate for {@code key} issued by {@code issuer}. */
  public static X509Certificate issue(
      PublicKey key,
      Profile profile,
      int generation,
      String org,
      X509Certificate issuer,
      PrivateKey issuerKey,
      Provider issuerProvider)
      throws GeneralSecurityException {
    X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
    return build(
        key,
        name(org, profile, generation),
        issuerName,
        issuer,
        issuerKey,
        issuerProvider,
        profile);
  }

  private static X500Name name(String org, Profile p, int generation) {
    X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
    b.addRDN(BCStyle.O, org);
    b.addRDN(BCStyle.OU, "VoxProof");
    b.addRDN(BCStyle.CN, org + " " + p.cn + (generation > 0 ? " " + generation : ""));
    return b.build();
  }

  private static X509Certificate build(
      PublicKey key,
      X500Name subject,
      X500Name issuerName,
      X509Certificate issuer,
      PrivateKey signingKey,
      Provider provider,
      Profile p)
      throws GeneralSecurityException {
    Instant now = Instant.now();
    BigInteger serial = new BigInteger(1, Crypto.randomBytes(16));
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            issuerName,
            serial,
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(p.validity)),
            subject,
            key);
    try {
      JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
      b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(key));
      if (issuer != null) {
        b.addExtension(
            Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(issuer));
      }
      extensions(b, p);
      String alg = "Ed25519".equals(signingKey.getAlgorithm()) ? "Ed25519" : "SHA256withECDSA";
      ContentSigner signer =
          new JcaContentSignerBuilder(alg).setProvider(provider).build(signingKey);
      X509CertificateHolder h = b.build(signer);
      return parse(h.getEncoded());
    } catch (CertIOException | OperatorCreationException e) {
      throw new GeneralSecurityException("cannot issue certificate", e);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static void extensions(X509v3CertificateBuilder b, Profile p) throws CertIOException {
    switch (p) {
      case ROOT -> {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(
            Extension.keyUsage,
            true,
            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
      }
      case INTERMEDIATE -> {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        b.addExtension(
            Extension.keyUsage,
            true,
            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
      }
      default -> {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        List<KeyPurposeId> eku = new ArrayList<>();
        if (p == Profile.C2PA_SIGNER) {
          // SPEC: C2PA 2.2 §14.5.1 — emailProtection + c2pa-kp-claimSigning.
          eku.add(KeyPurposeId.id_kp_emailProtection);
          eku.add(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(C2PA_CLAIM_SIGNING)));
        } else if (p == Profile.EVIDENCE_SIGNER) {
          eku.add(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(DOCUMENT_SIGNING)));
        }
        if (!eku.isEmpty()) {
          b.addExtension(
              Extension.extendedKeyUsage,
              true,
              new ExtendedKeyUsage(eku.toArray(new KeyPurposeId[0])));
        }
      }
    }
  }

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
   * same ones {@link #issue} writes): C2PA claim signing EKU, document-signing EKU, or no EKU on an
   * EC leaf (token) or Ed25519 leaf (checkpoint); null for anything else.
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

package org.voxproof.provenance.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
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
import org.voxproof.provenance.internal.Certs.Profile;

/** Issues the operator's certificates (Bouncy Castle), with the extensions each profile fixes. */
final class CertIssuer {
  private CertIssuer() {}

  /** A self-signed root CA certificate. */
  static X509Certificate selfSignedRoot(
      PublicKey key, PrivateKey signingKey, Provider provider, String org)
      throws GeneralSecurityException {
    X500Name name = name(org, Profile.ROOT, 0);
    return build(key, name, name, null, signingKey, provider, Profile.ROOT);
  }

  /** A certificate for {@code key} issued by {@code issuer}. */
  static X509Certificate issue(
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
      return Certs.parse(h.getEncoded());
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
          eku.add(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(Certs.C2PA_CLAIM_SIGNING)));
        } else if (p == Profile.EVIDENCE_SIGNER) {
          eku.add(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(Certs.DOCUMENT_SIGNING)));
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
}

package org.voxproof.provenance.internal;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The C2PA signing certificate profile and chain validation against configured anchors. */
public final class CertProfile {
  private static final Set<String> SIG_ALGS =
      Set.of(
          "1.2.840.10045.4.3.2",
          "1.2.840.10045.4.3.3",
          "1.2.840.10045.4.3.4", // ecdsa-with-SHA*
          "1.2.840.113549.1.1.11",
          "1.2.840.113549.1.1.12",
          "1.2.840.113549.1.1.13", // sha*WithRSA
          "1.2.840.113549.1.1.10", // RSASSA-PSS
          "1.3.101.112"); // Ed25519

  private CertProfile() {}

  /**
   * Checks the claim signer's certificate; returns the reason it fails, or null.
   *
   * <p>SPEC: C2PA 2.2 §14.5.1 certificate profile: X.509 v3, an allowed signature algorithm,
   * keyUsage with digitalSignature, not a CA, an extendedKeyUsage that is present, not
   * anyExtendedKeyUsage and names a signing purpose, authorityKeyIdentifier unless self-signed.
   */
  public static String check(X509Certificate c) {
    try {
      return checkProfile(c);
    } catch (RuntimeException e) {
      return "malformed certificate: " + e.getMessage();
    }
  }

  private static String checkProfile(X509Certificate c) {
    if (c.getVersion() != 3) {
      return "certificate is not X.509 v3";
    }
    if (!SIG_ALGS.contains(c.getSigAlgOID())) {
      return "certificate signature algorithm not allowed: " + c.getSigAlgOID();
    }
    boolean[] ku = c.getKeyUsage();
    if (ku == null || !ku[0]) {
      return "keyUsage digitalSignature missing";
    }
    if (c.getBasicConstraints() >= 0 || (ku.length > 5 && ku[5])) {
      return "signing certificate is a CA";
    }
    List<String> eku;
    try {
      eku = c.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      return "unreadable extendedKeyUsage";
    }
    if (eku == null || eku.isEmpty()) {
      return "extendedKeyUsage missing";
    }
    if (eku.contains("2.5.29.37.0")) {
      return "anyExtendedKeyUsage not allowed";
    }
    if (!eku.contains(Certs.C2PA_CLAIM_SIGNING)
        && !eku.contains(Certs.EMAIL_PROTECTION)
        && !eku.contains(Certs.DOCUMENT_SIGNING)) {
      return "extendedKeyUsage has no claim-signing purpose";
    }
    boolean selfSigned = c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    if (!selfSigned && c.getExtensionValue("2.5.29.35") == null) {
      return "authorityKeyIdentifier missing";
    }
    return null;
  }

  public static boolean validNow(X509Certificate c) {
    try {
      c.checkValidity();
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** PKIX validation of {@code chain} (leaf first) to one of {@code anchors}; null if it chains. */
  public static String chainsTo(List<X509Certificate> chain, List<X509Certificate> anchors) {
    return chainsTo(chain, anchors, new Date());
  }

  public static String chainsTo(
      List<X509Certificate> chain, List<X509Certificate> anchors, Date at) {
    if (anchors.isEmpty()) {
      return "no trust anchors configured";
    }
    try {
      List<X509Certificate> path = new ArrayList<>(chain);
      // a chain that includes an anchor itself: drop it, PKIX wants the path below the anchor
      path.removeIf(anchors::contains);
      if (path.isEmpty()) {
        return "the signer is a trust anchor itself";
      }
      Set<TrustAnchor> ta = new HashSet<>();
      for (X509Certificate a : anchors) {
        ta.add(new TrustAnchor(a, null));
      }
      PKIXParameters p = new PKIXParameters(ta);
      p.setRevocationEnabled(false);
      p.setDate(at);
      CertPath cp = CertificateFactory.getInstance("X.509").generateCertPath(path);
      CertPathValidator.getInstance("PKIX").validate(cp, p);
      return null;
    } catch (GeneralSecurityException | RuntimeException e) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }
}

package org.voxproof.provenance;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.voxproof.provenance.internal.Certs;
import org.voxproof.provenance.internal.ManifestReader;

/**
 * Reads and validates the C2PA manifest embedded in an audio file: the claim signature, the
 * signer's certificate profile and its chain to the configured trust anchors, every assertion hash
 * and the hard binding. Codes are C2PA's (as c2pa-rs reports them).
 *
 * <pre>{@code
 * ManifestVerifier v = ManifestVerifier.builder().trustAnchor(ring.rootCertificate()).build();
 * ManifestReport r = v.read(bytes);     // everything found, codes included
 * v.verify(bytes);                      // or: throws unless present, valid and trusted
 * }</pre>
 */
public final class ManifestVerifier {
  private final List<X509Certificate> anchors; // null: trust is not checked

  private ManifestVerifier(List<X509Certificate> anchors) {
    this.anchors = anchors == null ? null : List.copyOf(anchors);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options; trust anchors are required unless trust checking is explicitly skipped. */
  public static final class Builder {
    private final List<X509Certificate> anchors = new ArrayList<>();
    private boolean skipTrust;

    private Builder() {}

    public Builder trustAnchor(X509Certificate root) {
      anchors.add(root);
      return this;
    }

    /** Adds every certificate in a PEM text as a trust anchor. */
    public Builder trustAnchorsPem(String pem) throws ProvenanceException {
      anchors.addAll(Certs.parseTrustAnchorsPem(pem));
      return this;
    }

    /** Relaxes the trust check: reports are at best {@code Valid}, never {@code Trusted}. */
    public Builder skipTrustCheck() {
      this.skipTrust = true;
      return this;
    }

    public ManifestVerifier build() {
      if (anchors.isEmpty() && !skipTrust) {
        throw new IllegalStateException("no trust anchors: add one or call skipTrustCheck()");
      }
      return new ManifestVerifier(skipTrust ? null : anchors);
    }
  }

  /** Everything the file's manifest says and every validation status; never throws on bad input. */
  public ManifestReport read(byte[] file) {
    return ManifestReader.read(file, anchors);
  }

  /** Returns the report when the manifest is present, valid and (unless skipped) trusted. */
  public ManifestReport verify(byte[] file) throws ManifestInvalidException {
    ManifestReport r = read(file);
    if (!r.present()) {
      throw new ManifestInvalidException("no C2PA manifest", r);
    }
    boolean ok = anchors == null ? r.isValid() : r.isTrusted();
    if (!ok) {
      throw new ManifestInvalidException("manifest " + r.state() + ": " + r.failureCodes(), r);
    }
    return r;
  }
}

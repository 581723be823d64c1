package org.voxproof.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.voxproof.provenance.internal.Certs;
import org.voxproof.provenance.internal.ChainCache;
import org.voxproof.provenance.internal.ManifestReader;
import org.voxproof.provenance.internal.Source;

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
  private final boolean checkTrust;
  private final ChainCache chains; // per signer chain: parsed, profile, key, PKIX result

  private ManifestVerifier(List<X509Certificate> anchors) {
    this.checkTrust = anchors != null;
    this.chains = new ChainCache(anchors);
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
    try {
      return ManifestReader.read(Source.of(file), checkTrust, chains);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown by an in-memory source
    }
  }

  /**
   * As {@link #read(byte[])} for a file on disk, streamed: only the manifest store is held in
   * memory, so a file of any size is read in constant memory. Throws only when the file cannot be
   * read.
   */
  public ManifestReport read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return ManifestReader.read(Source.of(ch), checkTrust, chains);
    }
  }

  /** Returns the report when the manifest is present, valid and (unless skipped) trusted. */
  public ManifestReport verify(byte[] file) throws ManifestInvalidException {
    return verified(read(file));
  }

  /** As {@link #verify(byte[])} for a file on disk, streamed. */
  public ManifestReport verify(Path file) throws ManifestInvalidException, IOException {
    return verified(read(file));
  }

  private ManifestReport verified(ManifestReport r) throws ManifestInvalidException {
    if (!r.present()) {
      throw new ManifestInvalidException("no C2PA manifest", r);
    }
    boolean ok = checkTrust ? r.isTrusted() : r.isValid();
    if (!ok) {
      throw new ManifestInvalidException("manifest " + r.state() + ": " + r.failureCodes(), r);
    }
    return r;
  }
}

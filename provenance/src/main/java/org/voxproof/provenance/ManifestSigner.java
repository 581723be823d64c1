package org.voxproof.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import org.voxproof.provenance.internal.Cose;
import org.voxproof.provenance.internal.ManifestBuilder;
import org.voxproof.provenance.internal.Source;

/**
 * Signs a C2PA manifest for a synthesized audio file and embeds it (WAV, MP3, FLAC). Any earlier
 * C2PA manifest in the file is replaced. The audio is hashed once and the output written once;
 * {@link #sign(Path, Path, ManifestContent)} streams, so a file of any size signs in constant
 * memory. Thread-safe.
 *
 * <pre>{@code
 * ManifestSigner signer = ManifestSigner.builder().keyRing(ring).build();
 * byte[] signed = signer.sign(wavBytes, content);
 * }</pre>
 */
public final class ManifestSigner {
  private final SigningCredential credential;
  private final byte[] protectedHeader; // COSE protected header: made once per credential
  private final ManifestArchive archive; // may be null

  private ManifestSigner(SigningCredential credential, ManifestArchive archive) {
    this.credential = credential;
    this.archive = archive;
    try {
      this.protectedHeader = Cose.protectedHeader(credential);
    } catch (ProvenanceException e) { // a parsed certificate always encodes
      throw new IllegalArgumentException("unusable credential: " + e.getMessage(), e);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options: the signing credential, normally the key ring's current C2PA signer. */
  public static final class Builder {
    private SigningCredential credential;
    private ManifestArchive archive;

    private Builder() {}

    /** Sign with the key ring's current C2PA signing key. */
    public Builder keyRing(KeyRing ring) throws KeyRingException {
      this.credential = ring.c2paSigner();
      return this;
    }

    /** Sign with another credential (e.g. an externally issued chain). */
    public Builder credential(SigningCredential c) {
      this.credential = Objects.requireNonNull(c);
      return this;
    }

    public ManifestSigner build() {
      if (credential == null) {
        throw new IllegalStateException("ManifestSigner needs a key ring or credential");
      }
      return new ManifestSigner(credential, archive);
    }

    /**
     * Keep every signed manifest store in {@code a} by manifest id, before the signed audio is
     * returned (for the C2PA Soft Binding Resolution API's {@code GET /manifests/{manifestId}}).
     */
    public Builder archive(ManifestArchive a) {
      this.archive = Objects.requireNonNull(a);
      return this;
    }
  }

  /** The audio file with a signed manifest store embedded; {@code audio} is not changed. */
  public byte[] sign(byte[] audio, ManifestContent content) throws ProvenanceException {
    try {
      Source src = Source.of(audio);
      ManifestBuilder.Signed s = ManifestBuilder.sign(src, content, credential, protectedHeader);
      archive(content, s.store());
      return s.layout().toBytes(src, s.store());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown by an in-memory source
    }
  }

  /** As {@link #sign}, with the manifest label and the SHA-256 of the embedded store. */
  public SignedAudio signWithDetails(byte[] audio, ManifestContent content)
      throws ProvenanceException {
    try {
      Source src = Source.of(audio);
      ManifestBuilder.Signed s = ManifestBuilder.sign(src, content, credential, protectedHeader);
      archive(content, s.store());
      return new SignedAudio(s.layout().toBytes(src, s.store()), label(content), sha256(s.store()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Signs the file {@code in} into {@code out} (which may be {@code in}), streaming: the audio is
   * read twice (hash, copy) and never held in memory. {@code out} appears complete or not at all
   * (written beside it, then renamed; not synced to disk); it keeps the permissions of a file it
   * replaces, else 0644.
   */
  public SignedFile sign(Path in, Path out, ManifestContent content)
      throws ProvenanceException, IOException {
    Path dir = out.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
    try {
      ManifestBuilder.Signed s;
      try (FileChannel r = FileChannel.open(in, StandardOpenOption.READ);
          FileChannel w = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        Source src = Source.of(r);
        s = ManifestBuilder.sign(src, content, credential, protectedHeader);
        archive(content, s.store());
        s.layout().write(src, s.store(), w); // no fsync: like cp, durability is the caller's
      }
      Files.setPosixFilePermissions(tmp, modeFor(out));
      try {
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
      }
      return new SignedFile(out, label(content), sha256(s.store()));
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static java.util.Set<java.nio.file.attribute.PosixFilePermission> modeFor(Path out)
      throws IOException {
    try {
      return Files.getPosixFilePermissions(out);
    } catch (java.nio.file.NoSuchFileException e) {
      return PosixFilePermissions.fromString("rw-r--r--");
    }
  }

  private void archive(ManifestContent c, byte[] store) throws ProvenanceException {
    if (archive == null) {
      return;
    }
    try {
      archive.put(c.manifestId(), store);
    } catch (IOException e) {
      throw new ProvenanceException("cannot archive the manifest store: " + e.getMessage(), e);
    }
  }

  private static String label(ManifestContent c) {
    return "urn:c2pa:" + c.manifestId();
  }

  private static byte[] sha256(byte[] b) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.voxproof.provenance.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.List;
import org.voxproof.provenance.ProvenanceException;

/**
 * {@code trust-anchor.pem}: the operator root certificate, written beside the key ring (mode 0644:
 * it is public) so that read-only commands need neither the key store, its password nor a token.
 * The ring rewrites it on every open if it differs from the root it holds.
 */
public final class TrustAnchorFile {
  public static final String FILE = "trust-anchor.pem";
  private static final long MAX_BYTES = 1 << 20;

  private TrustAnchorFile() {}

  static void ensure(Path dir, X509Certificate root) throws IOException {
    String pem = Certs.toPem(List.of(root));
    Path f = dir.resolve(FILE);
    try {
      if (Files.size(f) < MAX_BYTES && pem.equals(Files.readString(f, StandardCharsets.US_ASCII))) {
        return;
      }
    } catch (NoSuchFileException e) {
      // first open since the ring was made (or since this file existed)
    }
    Path tmp = Files.createTempFile(dir, ".trust-anchor", ".tmp");
    try {
      Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
      Files.setPosixFilePermissions(tmp, FileModes.PUBLIC_0644);
      try {
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The anchors in {@code dir}, or empty when the file is absent. */
  public static java.util.Optional<List<X509Certificate>> read(Path dir)
      throws IOException, ProvenanceException {
    Path f = dir.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return java.util.Optional.empty();
    }
    if (Files.size(f) > MAX_BYTES) {
      throw new ProvenanceException(FILE + " is larger than 1 MiB");
    }
    return java.util.Optional.of(
        Certs.parseTrustAnchorsPem(Files.readString(f, StandardCharsets.US_ASCII)));
  }
}

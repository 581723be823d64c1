package org.voxproof.provenance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.voxproof.provenance.internal.FileModes;

/**
 * The manifest stores we signed, by manifest id: what the C2PA Soft Binding Resolution API's {@code
 * GET /manifests/{manifestId}} returns when a file's embedded manifest was stripped and only our
 * watermark remains. One file per manifest ({@code <dir>/<uuid>.c2pa}), written beside and renamed
 * into place after an fsync, so a reader sees a whole store or none. Stores hold no personal data
 * (pseudonyms, hashes and commitments only). Thread-safe; blocking (disk).
 *
 * <pre>{@code
 * ManifestArchive archive = ManifestArchive.open(dataDir.resolve("manifests"));
 * ManifestSigner signer = ManifestSigner.builder().keyRing(ring).archive(archive).build();
 * }</pre>
 */
public final class ManifestArchive {
  /** The most bytes one archived store may have (ours are a few KiB). */
  public static final int MAX_STORE = 1 << 20;

  private static final String SUFFIX = ".c2pa";

  private final Path dir;

  private ManifestArchive(Path dir) {
    this.dir = dir;
  }

  /** Opens (creating, mode 0700) the archive directory. */
  public static ManifestArchive open(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, FileModes.DIR_0700);
    }
    return new ManifestArchive(dir);
  }

  /** Stores {@code store} as the manifest store of {@code manifestId}; a second put replaces it. */
  public void put(UUID manifestId, byte[] store) throws IOException {
    if (store.length == 0 || store.length > MAX_STORE) {
      throw new IllegalArgumentException("a manifest store has 1.." + MAX_STORE + " bytes");
    }
    Path target = path(manifestId);
    Path tmp = Files.createTempFile(dir, "." + manifestId, ".tmp", FileModes.FILE_0600);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(store);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The manifest store of {@code manifestId}, if we archived one. */
  public Optional<byte[]> get(UUID manifestId) throws IOException {
    Path p = path(manifestId);
    try {
      if (Files.size(p) > MAX_STORE) {
        throw new IOException("archived manifest store too large: " + p.getFileName());
      }
      return Optional.of(Files.readAllBytes(p));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * The manifest id in a C2PA manifest label ({@code urn:c2pa:<uuid>}, as our manifests are
   * labelled) or a bare UUID; empty for anything else.
   */
  public static Optional<UUID> idOf(String label) {
    String s = label.startsWith("urn:c2pa:") ? label.substring("urn:c2pa:".length()) : label;
    if (!s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
      return Optional.empty();
    }
    return Optional.of(UUID.fromString(s));
  }

  /** The C2PA manifest label of our manifest with this id. */
  public static String label(UUID manifestId) {
    return "urn:c2pa:" + manifestId;
  }

  private Path path(UUID manifestId) {
    return dir.resolve(manifestId.toString().toLowerCase(java.util.Locale.ROOT) + SUFFIX);
  }

  @Override
  public String toString() {
    return "ManifestArchive[" + dir + "]";
  }
}

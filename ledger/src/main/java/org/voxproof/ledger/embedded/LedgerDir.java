package org.voxproof.ledger.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.LedgerIdentityException;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.storage.OwnerOnly;

/** The files of the embedded log under {@code <data-dir>/ledger/}. */
final class LedgerDir {
  final Path dir;

  private LedgerDir(Path dir) {
    this.dir = dir;
  }

  static LedgerDir of(Path dataDir) {
    return new LedgerDir(dataDir.resolve("ledger"));
  }

  Path entries() {
    return dir.resolve("entries");
  }

  /** The two-slot checkpoint file ({@link CheckpointFile}). */
  Path checkpoints() {
    return dir.resolve("checkpoints");
  }

  /** The single text checkpoint of logs made before {@link #checkpoints()} existed. */
  Path legacyCheckpoint() {
    return dir.resolve("checkpoint");
  }

  Path lock() {
    return dir.resolve("writer.lock");
  }

  Path origin() {
    return dir.resolve("origin");
  }

  Path verifierKey() {
    return dir.resolve("checkpoint.vkey");
  }

  Path signingKey() {
    return dir.resolve("checkpoint.key");
  }

  /** The stored log identity; on first use {@code wanted}, or a random default, is stored. */
  String resolveOrigin(String wanted) throws LedgerException {
    Optional<String> stored = storedOrigin();
    if (stored.isPresent()) {
      if (wanted != null && !wanted.equals(stored.get())) {
        throw new LedgerIdentityException(
            "this log's origin is " + stored.get() + ", not " + wanted);
      }
      return stored.get();
    }
    String chosen = wanted != null ? wanted : defaultOrigin();
    try {
      writeAtomically(origin(), chosen + "\n");
    } catch (IOException e) {
      throw new LedgerStorageException("cannot write " + origin(), e);
    }
    return chosen;
  }

  /** The log identity stored in {@code origin}, if any. */
  Optional<String> storedOrigin() throws LedgerStorageException {
    try {
      if (!Files.exists(origin())) {
        return Optional.empty();
      }
      return Optional.of(Files.readString(origin(), StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new LedgerStorageException("cannot read " + origin(), e);
    }
  }

  static String defaultOrigin() {
    byte[] r = new byte[4];
    new SecureRandom().nextBytes(r);
    return "voxproof.local/ledger/" + HexFormat.of().formatHex(r);
  }

  /**
   * Writes {@code text} to {@code file} atomically and durably (temp file, force, rename); the file
   * is 0600 whatever the umask.
   */
  void writeAtomically(Path file, String text) throws IOException {
    writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes {@code bytes} to {@code file} atomically and durably (temp file, force, rename); the
   * file is 0600 whatever the umask.
   */
  void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    OwnerOnly.createFile(tmp);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDir();
  }

  /** Forces the directory entry changes (new files, renames) to the device. */
  void syncDir() {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a directory for sync; the data files are still forced.
    }
  }
}

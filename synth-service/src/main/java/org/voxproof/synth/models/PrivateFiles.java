package org.voxproof.synth.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Owner-only files and directories (0700 / 0600 on POSIX), atomic writes, bounded reads, and
 * deletion of whole trees. Used for models and for reference samples handed to an engine.
 */
public final class PrivateFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private PrivateFiles() {}

  /** Creates {@code dir} (and parents) and makes it owner-only; refuses a symbolic link. */
  public static void createPrivateDirectory(Path dir) throws IOException {
    if (Files.isSymbolicLink(dir)) {
      throw new IOException("refusing a symbolic link as a private directory: " + dir);
    }
    Files.createDirectories(dir);
    if (POSIX) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /** A new owner-only directory with a random name under {@code parent}. */
  public static Path createPrivateTempDirectory(Path parent, String prefix) throws IOException {
    if (POSIX) {
      return Files.createTempDirectory(
          parent,
          prefix,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return Files.createTempDirectory(parent, prefix);
  }

  /** Writes {@code data} to {@code file} (owner-only) through a temporary file and a rename. */
  public static void writePrivate(Path file, byte[] data) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    if (POSIX) {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.write(tmp, data);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Reads a regular file of at most {@code max} bytes (no symbolic links). */
  public static byte[] readBounded(Path file, long max, String what) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(what + " is not a regular file: " + file.getFileName());
    }
    long size = Files.size(file);
    if (size > max) {
      throw new IOException(what + " is larger than " + max + " bytes");
    }
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] b = in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
      if (in.read() >= 0) {
        throw new IOException(what + " grew beyond " + max + " bytes while being read");
      }
      return b;
    }
  }

  /** Deletes {@code root} and everything under it, if it exists (links are not followed). */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

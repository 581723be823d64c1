package org.voxproof.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories of the data directory, created readable by their owner only (directories
 * 0700, files 0600) whatever the process umask: the permissions are given at creation, so no moment
 * exists in which another user could open them. Every module that writes under the data directory
 * creates through here. On file systems without POSIX permissions they are created plainly.
 */
public final class OwnerOnly {
  private static final FileAttribute<Set<PosixFilePermission>> DIR =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  private static final FileAttribute<Set<PosixFilePermission>> FILE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private OwnerOnly() {}

  /** Creates {@code dir} and any missing parents as 0700; an existing directory is left as is. */
  public static Path createDirectories(Path dir) throws IOException {
    try {
      return Files.createDirectories(dir, DIR);
    } catch (UnsupportedOperationException e) {
      return Files.createDirectories(dir);
    }
  }

  /** Creates a new, empty 0600 file; fails if it exists. */
  public static Path createFile(Path file) throws IOException {
    try {
      return Files.createFile(file, FILE);
    } catch (UnsupportedOperationException e) {
      return Files.createFile(file);
    }
  }

  /** Creates an empty 0600 file unless one exists already. */
  public static Path ensureFile(Path file) throws IOException {
    try {
      return createFile(file);
    } catch (FileAlreadyExistsException e) {
      return file;
    }
  }

  /** Opens a channel; a file it creates (with {@code CREATE}) is 0600. */
  public static FileChannel open(Path file, OpenOption... options) throws IOException {
    try {
      return FileChannel.open(file, Set.of(options), FILE);
    } catch (UnsupportedOperationException e) {
      return FileChannel.open(file, options);
    }
  }

  /** Writes {@code bytes} to {@code file}, replacing its content; a file it creates is 0600. */
  public static Path write(Path file, byte[] bytes) throws IOException {
    try (FileChannel ch =
        open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
    }
    return file;
  }
}

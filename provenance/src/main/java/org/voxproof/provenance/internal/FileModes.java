package org.voxproof.provenance.internal;

import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** File modes of the key ring's files, whatever the umask. */
public final class FileModes {
  /** The data directory, when the ring creates it. */
  public static final FileAttribute<Set<PosixFilePermission>> DIR_0700 =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  /** Secrets and locks. */
  public static final FileAttribute<Set<PosixFilePermission>> FILE_0600 =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  /** Public certificates (trust anchor, retired certificates): readable by verifiers. */
  public static final Set<PosixFilePermission> PUBLIC_0644 =
      PosixFilePermissions.fromString("rw-r--r--");

  private FileModes() {}
}

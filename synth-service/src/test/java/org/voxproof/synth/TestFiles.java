package org.voxproof.synth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Test resources (tiny models, hostile files) and small helpers. */
public final class TestFiles {
  private TestFiles() {}

  /** The bytes of {@code models/<name>} (checked in; see the README there). */
  public static byte[] model(String name) {
    try (InputStream in = TestFiles.class.getResourceAsStream("models/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test model " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies {@code models/<name>} into {@code dir}. */
  public static Path copy(String name, Path dir) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, model(name));
    return p;
  }

  public static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An executable shell script standing in for an engine program. */
  public static Path script(Path dir, String name, String body) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }
}

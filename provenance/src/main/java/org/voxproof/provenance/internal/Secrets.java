package org.voxproof.provenance.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/** The key store password: from the environment, else a random one kept in the data directory. */
public final class Secrets {
  public static final String PASSWORD_ENV = "VOXPROOF_KEYSTORE_PASSWORD";
  public static final String PASSWORD_FILE = "keystore.password";

  private Secrets() {}

  /**
   * {@code VOXPROOF_KEYSTORE_PASSWORD} if set, else the content of {@code dir/keystore.password},
   * created with 32 random bytes and mode 0600 on first use. The password is never logged.
   */
  public static char[] keystorePassword(Path dir, String fromEnv) throws IOException {
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv.toCharArray();
    }
    Path f = dir.resolve(PASSWORD_FILE);
    if (!Files.exists(f)) {
      String pw = Base64.getUrlEncoder().withoutPadding().encodeToString(Crypto.randomBytes(32));
      Path tmp =
          Files.createTempFile(
              dir,
              ".keystore.password",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.writeString(tmp, pw + "\n", StandardCharsets.US_ASCII);
        Files.createLink(f, tmp); // atomic, and fails if another process made it first
        return pw.toCharArray();
      } catch (FileAlreadyExistsException e) {
        // another process made it first: read theirs
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    String s = Files.readString(f, StandardCharsets.US_ASCII).strip();
    if (s.isEmpty()) {
      throw new IOException("empty key store password file " + f);
    }
    return s.toCharArray();
  }
}

package org.voxproof.provenance.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificates of retired signing keys, kept as PEM in the data directory. Only certificates the
 * intermediate CA signed are returned, so the file needs no protection of its own.
 */
public final class RetiredCerts {
  public static final String FILE = "retired-certificates.pem";

  private RetiredCerts() {}

  public static void append(Path dir, List<X509Certificate> certs) throws IOException {
    Path f = dir.resolve(FILE);
    if (!Files.exists(f)) {
      Files.createFile(f);
      Files.setPosixFilePermissions(f, FileModes.PUBLIC_0644); // public: verifiers read it
    }
    Files.writeString(
        f,
        Certs.toPem(certs),
        StandardCharsets.US_ASCII,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.SYNC);
  }

  public static List<X509Certificate> read(Path dir, X509Certificate issuer)
      throws IOException, GeneralSecurityException {
    Path f = dir.resolve(FILE);
    if (!Files.exists(f)) {
      return List.of();
    }
    List<X509Certificate> out = new ArrayList<>();
    for (X509Certificate c : Certs.parsePem(Files.readString(f, StandardCharsets.US_ASCII))) {
      try {
        c.verify(issuer.getPublicKey());
        out.add(c);
      } catch (GeneralSecurityException e) {
        // not ours: ignored
      }
    }
    return out;
  }
}

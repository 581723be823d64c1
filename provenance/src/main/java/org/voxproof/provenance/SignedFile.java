package org.voxproof.provenance;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file signed on disk: where it is, its manifest's label and the SHA-256 of the embedded manifest
 * store (what a ledger record's {@code manifestHash} holds).
 */
public record SignedFile(Path file, String manifestLabel, byte[] manifestStoreSha256) {
  public SignedFile {
    Objects.requireNonNull(file);
    Objects.requireNonNull(manifestLabel);
    manifestStoreSha256 = manifestStoreSha256.clone();
  }

  @Override
  public byte[] manifestStoreSha256() {
    return manifestStoreSha256.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedFile s
        && s.file.equals(file)
        && s.manifestLabel.equals(manifestLabel)
        && java.util.Arrays.equals(s.manifestStoreSha256, manifestStoreSha256);
  }

  @Override
  public int hashCode() {
    return file.hashCode() * 31 + manifestLabel.hashCode();
  }

  @Override
  public String toString() {
    return "SignedFile[" + file + ", " + manifestLabel + "]";
  }
}

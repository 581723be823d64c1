package org.voxproof.ledger;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared/testvectors}: walk up from user.dir to the dir holding mvnw. */
public final class SharedVectors {
  private SharedVectors() {}

  public static Path dir(String name) {
    Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("no mvnw above " + System.getProperty("user.dir"));
    }
    Path d = p.resolveSibling("shared").resolve("testvectors").resolve(name);
    if (!Files.isDirectory(d)) {
      throw new IllegalStateException("test vectors missing: " + d);
    }
    return d;
  }
}

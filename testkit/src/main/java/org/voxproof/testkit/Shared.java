package org.voxproof.testkit;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one locator for the repository root and for {@code ../shared} (test vectors, real speech, the
 * reference C2PA validator) beside it, used by tests and by the benchmarks; the server never reads
 * {@code ../shared}. Free of JUnit, so the benchmark CLI can use it at run time: a missing piece is
 * an {@link IllegalStateException}.
 */
public final class Shared {
  private Shared() {}

  /**
   * The repository root: {@code -Dvoxproof.root} if set, else the nearest directory holding mvnw at
   * or above {@code user.dir}, else above the jar or classes folder this class was loaded from.
   */
  public static Path repoRoot() {
    String prop = System.getProperty("voxproof.root");
    if (prop != null) {
      return Path.of(prop).toAbsolutePath();
    }
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of(System.getProperty("user.dir")).toAbsolutePath());
    try {
      starts.add(Path.of(Shared.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // the working directory only
    }
    for (Path start : starts) {
      for (Path d = start; d != null; d = d.getParent()) {
        if (Files.isRegularFile(d.resolve("mvnw"))) {
          return d;
        }
      }
    }
    throw new IllegalStateException(
        "no directory with mvnw above " + starts + "; pass -Dvoxproof.root=DIR");
  }

  /** {@code <repo>/../shared}, beside the repository. */
  public static Path dir() {
    return repoRoot().resolveSibling("shared");
  }

  /** {@code ../shared/testvectors/<name>}; fails the test if it is missing. */
  public static Path testVectors(String name) {
    return existingDir(dir().resolve("testvectors").resolve(name));
  }

  /** {@code ../shared/testdata/speech/<name>}; fails the test if it is missing. */
  public static Path speech(String name) {
    Path p = dir().resolve("testdata/speech").resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(
          "missing real speech file " + p + " (shared/ must sit beside the repository)");
    }
    return p;
  }

  /**
   * Where {@code ../shared/tools/c2pa-verifier/setup-verifier.sh} installs the c2pa-rs reference
   * (with its {@code node_modules}; {@code .ci/run} runs it): {@code $VOXPROOF_C2PA_VERIFIER},
   * default {@code /tmp/voxproof-c2pa-verifier}. Not checked: callers decide skip or fail.
   */
  public static Path c2paVerifier() {
    return Path.of(
        System.getenv().getOrDefault("VOXPROOF_C2PA_VERIFIER", "/tmp/voxproof-c2pa-verifier"));
  }

  private static Path existingDir(Path d) {
    if (!Files.isDirectory(d)) {
      throw new IllegalStateException("missing " + d + " (shared/ must sit beside the repository)");
    }
    return d;
  }
}

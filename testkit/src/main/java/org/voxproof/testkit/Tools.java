package org.voxproof.testkit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * External tools for tests. A missing tool skips the test locally but fails it when the environment
 * variable {@code CI} is set, so CI never skips silently.
 */
public final class Tools {
  private Tools() {}

  /** True when {@code name} is an executable on the PATH. */
  public static boolean present(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator, -1)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return true;
      }
    }
    return false;
  }

  /** Skips (locally) or fails (under CI) the calling test unless every tool is on the PATH. */
  public static void require(String... names) {
    for (String name : names) {
      requireThat(present(name), "tool not on PATH: " + name);
    }
  }

  /** Skips (locally) or fails (under CI) the calling test unless {@code file} exists. */
  public static void requireFile(Path file, String what) {
    requireThat(Files.exists(file), what + " missing: " + file);
  }

  /**
   * Skips the calling test when {@code ok} is false, or fails it when the environment variable
   * {@code CI} is set: CI never skips silently. {@code what} names the missing piece.
   */
  public static void requireThat(boolean ok, String what) {
    if (ok) {
      return;
    }
    String msg = what + " (.ci/run installs it)";
    if (System.getenv("CI") != null) {
      fail(msg + "; CI is set, so this is a failure, not a skip");
    }
    assumeTrue(false, msg);
  }
}

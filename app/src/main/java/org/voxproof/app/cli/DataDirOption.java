package org.voxproof.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option every command that opens the data directory shares. */
public final class DataDirOption {
  @Option(names = "--data-dir", description = "Data directory (default: ${DEFAULT-VALUE}).")
  Path dir = Path.of("voxproof-data");

  public Path dir() {
    return dir;
  }
}

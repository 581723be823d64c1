package org.voxproof.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.voxproof.app.VoxProof;

/**
 * Runs CLI commands in-process with stdout captured during each test: {@code @RegisterExtension
 * final CliRun cli = new CliRun();}.
 */
final class CliRun implements BeforeEachCallback, AfterEachCallback {
  private PrintStream realOut;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @Override
  public void beforeEach(ExtensionContext context) {
    realOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.setOut(realOut);
  }

  /** Runs a command; returns its exit code and keeps its stdout. */
  int run(Object... args) {
    out.reset();
    String[] a = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      a[i] = args[i].toString();
    }
    return VoxProof.execute(a);
  }

  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The JSON object on the last line of stdout. */
  JsonNode lastJson() throws Exception {
    String[] lines = stdout().strip().split("\n");
    return Json.mapper().readTree(lines[lines.length - 1]);
  }
}

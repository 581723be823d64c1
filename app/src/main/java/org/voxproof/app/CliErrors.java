package org.voxproof.app;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr and exit code 2 (1 is reserved for
 * "checked and found invalid"). Stack traces only with {@code VOXPROOF_DEBUG=1}.
 */
final class CliErrors implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    cmd.getErr().println("voxproof: " + ex.getMessage());
    if ("1".equals(System.getenv("VOXPROOF_DEBUG"))) {
      ex.printStackTrace(cmd.getErr());
    }
    return 2;
  }
}

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
    return report(ex, cmd);
  }

  /** One line on stderr (the stack trace only with {@code VOXPROOF_DEBUG=1}); returns 2. */
  static int report(Throwable ex, CommandLine cmd) {
    String message = ex.getMessage();
    cmd.getErr()
        .println(
            "voxproof: "
                + (ex instanceof Error || message == null
                    ? ex.getClass().getSimpleName() + (message == null ? "" : ": " + message)
                    : message));
    if ("1".equals(System.getenv("VOXPROOF_DEBUG"))) {
      ex.printStackTrace(cmd.getErr());
    }
    return 2;
  }
}

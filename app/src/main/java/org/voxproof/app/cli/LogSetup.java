package org.voxproof.app.cli;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.voxproof.http.observe.JsonLogFormatter;

/**
 * {@code serve}'s logging: every {@code java.util.logging} record (VoxProof's, Vert.x's, Netty's)
 * at INFO and above goes to stderr, one JSON object per line ({@link JsonLogFormatter}) or, with
 * {@code --log-format text}, one plain line each. The banner lines {@code serve} prints itself
 * start with {@code voxproof:}.
 */
final class LogSetup {
  private LogSetup() {}

  /** Replaces the root logger's handlers; {@code format} is {@code json} or {@code text}. */
  static void install(String format) {
    Formatter f =
        switch (format) {
          case "json" -> new JsonLogFormatter();
          case "text" -> new OneLine();
          default ->
              throw new IllegalArgumentException(
                  "--log-format " + format + ": choose json or text");
        };
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    Handler stderr = new StderrHandler();
    stderr.setFormatter(f);
    stderr.setLevel(Level.INFO);
    root.addHandler(stderr);
    root.setLevel(Level.INFO);
  }

  /** Writes to the {@code System.err} of the moment (tests redirect it), flushing each record. */
  private static final class StderrHandler extends Handler {
    @Override
    public synchronized void publish(LogRecord r) {
      if (isLoggable(r)) {
        System.err.print(getFormatter().format(r));
        System.err.flush();
      }
    }

    @Override
    public void flush() {
      System.err.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }

  /** {@code time level logger: message key=value ...}, for a human at a terminal. */
  private static final class OneLine extends SimpleFormatter {
    @Override
    public String format(LogRecord r) {
      StringBuilder b = new StringBuilder();
      b.append(java.time.Instant.ofEpochMilli(r.getMillis())).append(' ').append(r.getLevel());
      b.append(' ').append(r.getLoggerName()).append(": ");
      Object[] p = r.getParameters();
      if (p != null && p.length == 1 && p[0] instanceof java.util.Map<?, ?> fields) {
        b.append(r.getMessage());
        fields.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
      } else {
        b.append(formatMessage(r));
      }
      if (r.getThrown() != null) {
        java.io.StringWriter w = new java.io.StringWriter();
        r.getThrown().printStackTrace(new java.io.PrintWriter(w));
        b.append(System.lineSeparator()).append(w.toString().stripTrailing());
      }
      return b.append(System.lineSeparator()).toString();
    }
  }
}

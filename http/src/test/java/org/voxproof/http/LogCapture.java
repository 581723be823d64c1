package org.voxproof.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures every java.util.logging record (Vert.x and Netty log there in tests). */
final class LogCapture extends Handler implements AutoCloseable {
  final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger root = Logger.getLogger("");
  private final Level before = root.getLevel();

  LogCapture() {
    setLevel(Level.ALL);
    root.setLevel(Level.ALL);
    root.addHandler(this);
  }

  @Override
  public void publish(LogRecord r) {
    records.add(r);
  }

  /** Records a default log configuration prints (INFO and up) with a stack trace or a warning. */
  List<String> noisy() {
    return records.stream()
        .filter(
            r ->
                r.getLevel().intValue() >= Level.INFO.intValue()
                    && (r.getThrown() != null
                        || r.getLevel().intValue() >= Level.WARNING.intValue()))
        .map(
            r ->
                r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage() + " " + r.getThrown())
        .toList();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    root.removeHandler(this);
    root.setLevel(before);
  }
}

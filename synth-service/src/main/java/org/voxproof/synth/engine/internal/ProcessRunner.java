package org.voxproof.synth.engine.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an external program without a shell: a fixed argument list, a clean environment, input on
 * stdin, stdout read up to a bound, stderr kept as a short tail, and a hard deadline after which
 * the process is killed.
 */
public final class ProcessRunner {
  private static final ExecutorService IO =
      Executors.newCachedThreadPool(daemon("voxproof-engine-io"));
  private static final ScheduledExecutorService KILLER =
      Executors.newSingleThreadScheduledExecutor(daemon("voxproof-engine-deadline"));
  private static final int STDERR_TAIL = 2048;

  private ProcessRunner() {}

  /** The outcome of a run that finished in time. */
  public record Result(int exitCode, byte[] stdout, String stderrTail) {}

  /** Why a run did not finish normally. */
  public enum Failure {
    /** The program could not be started. */
    START,
    /** The deadline passed; the process was killed. */
    TIMEOUT,
    /** It wrote more than the bound; the process was killed. */
    TOO_LARGE,
    /** Reading its output failed, or the caller was interrupted. */
    IO
  }

  /** A run that did not finish normally, and why. */
  public static final class RunException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Failure failure;

    RunException(String message, Failure failure, Throwable cause) {
      super(message, cause);
      this.failure = failure;
    }

    public Failure failure() {
      return failure;
    }
  }

  /**
   * Runs {@code command} (absolute program path first) with {@code stdin} and only {@code env} in
   * its environment.
   */
  public static Result run(
      List<String> command, Map<String, String> env, byte[] stdin, Duration timeout, int maxStdout)
      throws RunException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new RunException(
          "cannot start " + command.get(0) + ": " + e.getMessage(), Failure.START, e);
    }
    AtomicBoolean killed = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        KILLER.schedule(
            () -> {
              killed.set(true);
              p.destroyForcibly();
            },
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      return collect(p, stdin, maxStdout, killed, timeout);
    } finally {
      deadline.cancel(false);
      p.destroyForcibly();
    }
  }

  private static Result collect(
      Process p, byte[] stdin, int maxStdout, AtomicBoolean killed, Duration timeout)
      throws RunException {
    Future<?> writer = IO.submit(() -> write(p.getOutputStream(), stdin));
    Future<String> errors = IO.submit(() -> tail(p.getErrorStream()));
    byte[] out;
    try {
      out = readBounded(p.getInputStream(), maxStdout);
    } catch (IOException e) {
      p.destroyForcibly();
      throw new RunException(e.getMessage(), killed.get() ? Failure.TIMEOUT : Failure.IO, e);
    }
    try {
      if (out == null) {
        p.destroyForcibly();
        throw new RunException(
            "output larger than " + maxStdout + " bytes", Failure.TOO_LARGE, null);
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || killed.get()) {
        throw new RunException("timed out", Failure.TIMEOUT, null);
      }
      writer.cancel(true);
      String err = errors.get(1, TimeUnit.SECONDS);
      return new Result(p.exitValue(), out, err);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunException("interrupted", Failure.IO, e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return new Result(p.exitValue(), out, "");
    }
  }

  private static Void write(OutputStream os, byte[] data) throws IOException {
    try (os) {
      os.write(data);
    } catch (IOException e) {
      // the process closed its stdin (it exited or was killed): its exit status tells
    }
    return null;
  }

  /** Reads all of {@code in}, or returns null once more than {@code max} bytes arrive. */
  private static byte[] readBounded(InputStream in, int max) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[65536];
    for (int n; (n = in.read(chunk)) >= 0; ) {
      if (buf.size() + n > max) {
        return null;
      }
      buf.write(chunk, 0, n);
    }
    return buf.toByteArray();
  }

  private static String tail(InputStream in) throws IOException {
    byte[] all = in.readNBytes(1 << 20);
    while (in.read(new byte[8192]) >= 0) {
      // drain
    }
    int from = Math.max(0, all.length - STDERR_TAIL);
    return new String(all, from, all.length - from, StandardCharsets.UTF_8).strip();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}

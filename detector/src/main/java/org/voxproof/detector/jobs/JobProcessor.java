package org.voxproof.detector.jobs;

import io.vertx.core.json.JsonObject;

/** Examines one file of a job and returns its result in the job's view. */
@FunctionalInterface
public interface JobProcessor {
  /**
   * @throws FileRefusedException the file cannot be examined (recorded as its error, with the
   *     status and reason {@code POST /v1/detect} would have answered)
   */
  JsonObject process(JobSpec job, byte[] file) throws FileRefusedException;

  /** A file of a batch that cannot be examined; stable {@link #reason()}. */
  final class FileRefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final int status;

    public FileRefusedException(String reason, int status, Throwable cause) {
      super(reason, cause);
      this.reason = reason;
      this.status = status;
    }

    public String reason() {
      return reason;
    }

    public int status() {
      return status;
    }
  }
}

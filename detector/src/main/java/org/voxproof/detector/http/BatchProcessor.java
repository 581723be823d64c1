package org.voxproof.detector.http;

import io.vertx.core.json.JsonObject;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.voxproof.detector.DetectorException;
import org.voxproof.detector.http.Caller.Audience;
import org.voxproof.detector.jobs.JobProcessor;
import org.voxproof.detector.jobs.JobSpec;

/** Examines a batch job's file as {@code POST /v1/detect} would have for the job's creator. */
final class BatchProcessor implements JobProcessor {
  private final Examiner examiner;

  BatchProcessor(DetectorService s) {
    this.examiner = new Examiner(s);
  }

  @Override
  public JsonObject process(JobSpec job, byte[] file) throws FileRefusedException {
    Audience a = Audience.valueOf(job.audience().toUpperCase(Locale.ROOT));
    Optional<byte[]> basis =
        job.legalBasisHash().isEmpty()
            ? Optional.empty()
            : Optional.of(HexFormat.of().parseHex(job.legalBasisHash()));
    try {
      return examiner.examine(file, a, basis, job.evidence());
    } catch (DetectorException e) {
      throw new FileRefusedException(e.reason(), DetectorProblems.status(e), e);
    }
  }
}

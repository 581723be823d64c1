package org.voxproof.detector.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Hostile archives may only ever end in {@link BatchException}: never another exception, files
 * beyond the limits, or files left behind after a refusal. A normal build runs the seeds in {@code
 * ZipBatchFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ZipBatchFuzzTest {
  static final BatchLimits LIMITS = new BatchLimits(8, 256 << 10, 512 << 10, 50);

  @FuzzTest(maxDuration = "10m")
  void fuzzUnpack(byte[] data) throws IOException {
    Path dir = Files.createTempDirectory("zipfuzz");
    Path zip = dir.resolve("in.zip");
    Path out = Files.createDirectory(dir.resolve("out"));
    Files.write(zip, data);
    try {
      List<BatchFile> files = ZipBatch.unpack(zip, out, LIMITS);
      assertThat(files).isNotEmpty().hasSizeLessThanOrEqualTo(LIMITS.maxFiles());
      long total = 0;
      for (BatchFile f : files) {
        assertThat(f.path().getParent()).isEqualTo(out);
        assertThat(Files.size(f.path())).isEqualTo(f.size()).isLessThanOrEqualTo(256 << 10);
        total += f.size();
      }
      assertThat(total).isLessThanOrEqualTo(512 << 10);
    } catch (BatchException e) {
      assertThat(e.reason()).isNotNull();
      try (var s = Files.list(out)) {
        assertThat(s).isEmpty();
      }
    } finally {
      try (var s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

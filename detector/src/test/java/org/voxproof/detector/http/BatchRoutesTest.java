package org.voxproof.detector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voxproof.http.TestServers.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.detector.DetectorFixture;
import org.voxproof.detector.batch.BatchLimits;
import org.voxproof.synth.OutputFormat;
import org.voxproof.synth.SynthesisResult;
import org.voxproof.testkit.Tools;

/** Batch jobs over HTTP: multipart and ZIP uploads, refusals, progress, owner-only reads. */
@ExtendWith(VertxExtension.class)
class BatchRoutesTest {
  @TempDir static Path dir;
  static DetectorFixture fx;
  static DetectorService service;
  static DetectorHttp http;
  static SynthesisResult ours;

  @BeforeAll
  static void setUp(Vertx vertx) throws Exception {
    Tools.require("espeak-ng");
    fx = new DetectorFixture(dir);
    ours = fx.ours(DetectorFixture.TEXT, OutputFormat.WAV);
    service =
        DetectorService.builder()
            .ledger(fx.ledger)
            .keyRing(fx.ring)
            .dataDir(fx.data)
            .batchLimits(new BatchLimits(10, 8L << 20, 16L << 20, 100))
            .workers(2)
            .build();
    http = DetectorHttp.serve(vertx, service);
  }

  @AfterAll
  static void tearDown() throws Exception {
    service.close();
    fx.close();
  }

  static byte[] zip(Map<String, byte[]> entries) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  HttpResponse<String> batch(String key, Map<String, byte[]> files) throws Exception {
    DetectorHttp.Multipart m = DetectorHttp.Multipart.of(files);
    return http.post("/v1/detect/batch", key, m.body(), Map.of("Content-Type", m.contentType()));
  }

  JsonObject awaitJob(String id, String key) throws Exception {
    for (int i = 0; i < 600; i++) {
      HttpResponse<String> r = http.get("/v1/jobs/" + id, key);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonObject j = new JsonObject(r.body());
      if (j.getString("status").equals("done")) {
        return j;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job not done");
  }

  private static long jobCount() throws Exception {
    try (Stream<Path> s = Files.list(fx.data.resolve("jobs"))) {
      return s.count();
    }
  }

  @Test
  void multipartBatch_202_thenResultsInTheCreatorsView_otherKeys404() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("ours.wav", ours.audio());
    files.put("notes.wav", "just text".getBytes(StandardCharsets.US_ASCII));
    HttpResponse<String> r = batch("vxk_platform", files);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String id = new JsonObject(r.body()).getString("jobId");
    assertThat(r.headers().firstValue("Location")).hasValue("/v1/jobs/" + id);

    JsonObject job = awaitJob(id, "vxk_platform");
    assertThat(job.getInteger("total")).isEqualTo(2);
    assertThat(job.getInteger("failed")).isEqualTo(1);
    JsonArray results = job.getJsonArray("results");
    JsonObject first = results.getJsonObject(0);
    assertThat(first.getString("name")).isEqualTo("ours.wav");
    assertThat(first.getJsonObject("result").getString("verdict")).isEqualTo("verified-synthetic");
    assertThat(first.encode()).doesNotContain("segments", "pFalseAlarm", "perSecondScores");
    assertThat(results.getJsonObject(1).getJsonObject("error").getString("reason"))
        .isEqualTo("not_audio");

    assertProblem(http.get("/v1/jobs/" + id, "vxk_platform2"), 404, "not_found");
    assertProblem(http.get("/v1/jobs/" + id, "vxk_police"), 404, "not_found");
    assertProblem(http.get("/v1/jobs/not-a-job", "vxk_platform"), 404, "not_found");
  }

  @Test
  void zipBatch_unpackedAndExamined() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("a/ours.wav", ours.audio());
    entries.put("b/ours-again.wav", ours.audio());
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("batch.zip", zip(entries));
    HttpResponse<String> r = batch("vxk_operator", files);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonObject job = awaitJob(new JsonObject(r.body()).getString("jobId"), "vxk_operator");
    assertThat(job.getInteger("done")).isEqualTo(2);
    JsonObject second = job.getJsonArray("results").getJsonObject(1);
    assertThat(second.getString("name")).isEqualTo("b/ours-again.wav");
    // operator view: the numbers
    assertThat(second.getJsonObject("result").getJsonObject("watermark").containsKey("segments"))
        .isTrue();
  }

  @Test
  void zipBomb_refusedWholly_noJobLeft() throws Exception {
    long before = jobCount();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("bomb.wav", new byte[40 << 20]); // 40 MiB of zeros: ~40 KiB compressed
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("innocent.zip", zip(entries));
    HttpResponse<String> r = batch("vxk_platform", files);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    assertThat(new JsonObject(r.body()).getString("type"))
        .matches(".*/(compression_ratio|file_too_large|archive_too_large)");
    assertThat(jobCount()).isEqualTo(before);
  }

  @Test
  void zipWithPathTrickOrNestedArchive_400() throws Exception {
    Map<String, byte[]> evil = new LinkedHashMap<>();
    evil.put("../../etc/cron.d/x.wav", ours.audio());
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("a.zip", zip(evil));
    assertProblem(batch("vxk_platform", files), 400, "bad_entry_name");

    Map<String, byte[]> inner = new LinkedHashMap<>();
    inner.put("x.wav", ours.audio());
    Map<String, byte[]> outer = new LinkedHashMap<>();
    outer.put("inner.zip", zip(inner));
    files.put("a.zip", zip(outer));
    assertProblem(batch("vxk_platform", files), 400, "nested_archive");
  }

  @Test
  void policeBatch_withoutLegalBasis_400_rawBody_415() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("ours.wav", ours.audio());
    assertProblem(batch("vxk_police", files), 400, "legal_basis_required");
    assertProblem(
        http.post(
            "/v1/detect/batch", "vxk_platform", ours.audio(), Map.of("Content-Type", "audio/wav")),
        415,
        "multipart_required");
  }
}

package org.voxproof.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.audio.WavWriter;
import org.voxproof.detector.ConsentStatus;
import org.voxproof.detector.ProvenanceDetector;
import org.voxproof.detector.Report;
import org.voxproof.detector.Verdict;
import org.voxproof.dsp.Resampler;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.ManifestContent;
import org.voxproof.provenance.ManifestSigner;
import org.voxproof.provenance.ManifestVerifier;
import org.voxproof.provenance.SignedAudio;
import org.voxproof.testkit.SpeechCorpus;
import org.voxproof.watermark.Payload;
import org.voxproof.watermark.WatermarkKey;
import org.voxproof.watermark.Watermarker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxproof bench detect}: the detector end to end ({@code ProvenanceDetector.examine}: type
 * check, decode, manifest read and validation, watermark with every key, ledger lookups) on 10 s
 * WAV clips of real speech at 22.05 kHz (our output's rate), marked (watermark, signed manifest,
 * ledger record, as synthesis makes them) and unmarked, reported separately: files/s and × real
 * time on one thread, and with one thread per core. Table on stderr; the last stdout line is JSON.
 */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = "Detector end to end on 10 s WAV clips: files/s and x real time per core.")
public final class DetectBench implements Callable<Integer> {
  private static final int RATE = 22050;

  @Spec CommandSpec spec;

  @Option(names = "--files", defaultValue = "24", description = "Clips of each kind.")
  int files;

  @Option(names = "--seconds", defaultValue = "10", description = "Clip length.")
  double clipSeconds;

  @Option(names = "--threads", description = "Threads for the parallel run (default: cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Path dir = Files.createTempDirectory("voxproof-bench-detect");
    String origin = "voxproof.bench/detect";
    try (KeyRing ring =
            KeyRing.builder().dataDirectory(dir).password("bench".toCharArray()).open();
        EmbeddedLedger ledger =
            EmbeddedLedger.builder(dir)
                .origin(origin)
                .signer(ring.checkpointSigner(origin))
                .open()) {
      float[] speech = speech();
      List<byte[]> marked = marked(ring, ledger, speech, origin);
      List<byte[]> unmarked = unmarked(speech);
      ProvenanceDetector d =
          ProvenanceDetector.builder()
              .manifestVerifier(
                  ManifestVerifier.builder().trustAnchor(ring.rootCertificate()).build())
              .watermarkKeys(ring.watermarkKeys()::all)
              .ledger(ledger)
              .consentStatus(c -> ConsentStatus.ACTIVE)
              .build();
      check(d, marked.get(0), Verdict.VERIFIED_SYNTHETIC);
      check(d, unmarked.get(0), Verdict.NO_PROVENANCE_FOUND);
      warmUp(d, marked, unmarked);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("clipSeconds", clipSeconds);
      out.put("threads", threads);
      out.put("marked", measure(err, "marked", d, marked));
      out.put("unmarked", measure(err, "unmarked", d, unmarked));
      out.put("stagesMsUnmarked", stages(err, ring, unmarked));
      out.put("stagesMsMarked", stages(err, ring, marked));
      System.out.println(new io.vertx.core.json.JsonObject(out).encode());
      return 0;
    } finally {
      deleteTree(dir);
    }
  }

  private float[] speech() throws Exception {
    DecodedAudio a = AudioDecoder.create().decode(SpeechCorpus.jfk());
    float[] x = Resampler.resample(a.mono(), a.sampleRate(), RATE);
    int n = (int) Math.round(clipSeconds * RATE);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = x[i % x.length];
    }
    return out;
  }

  /** Marked clips as synthesis makes them: watermark, WAV, signed manifest, ledger record. */
  private List<byte[]> marked(KeyRing ring, EmbeddedLedger ledger, float[] speech, String origin)
      throws Exception {
    WatermarkKey key = ring.watermarkKeys().current();
    Watermarker wm = Watermarker.builder().build();
    ManifestSigner signer = ManifestSigner.builder().keyRing(ring).build();
    Random rnd = new Random(7);
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      Payload p = new Payload(rnd.nextInt());
      UUID id = UUID.randomUUID();
      float[] x = wm.embed(speech, RATE, p, key);
      byte[] wav = WavWriter.pcm16().toBytes(new float[][] {x}, RATE);
      byte[] commitment = new byte[32];
      SignedAudio s =
          signer.signWithDetails(
              wav,
              new ManifestContent(
                  id,
                  Optional.empty(),
                  "bench",
                  "bench",
                  p.value() & 0xffffffffL,
                  0,
                  Math.round(clipSeconds * 1000),
                  commitment,
                  "lp-bench",
                  "notifications",
                  origin,
                  OptionalLong.empty(),
                  "basic"));
      ledger.append(
          LedgerRecord.synthesis(
              id.toString(),
              HexFormat.of().parseHex(p.hex()),
              MessageDigest.getInstance("SHA-256").digest(s.audio()),
              s.manifestStoreSha256(),
              commitment,
              "lp-bench",
              "bench/bench",
              Instant.now()));
      out.add(s.audio());
    }
    return out;
  }

  /** Unmarked clips: the same speech, each with its own faint noise (distinct files). */
  private List<byte[]> unmarked(float[] speech) {
    Random rnd = new Random(11);
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      float[] x = Arrays.copyOf(speech, speech.length);
      for (int j = 0; j < x.length; j++) {
        x[j] += (float) (rnd.nextGaussian() * 1e-4);
      }
      out.add(WavWriter.pcm16().toBytes(new float[][] {x}, RATE));
    }
    return out;
  }

  private static void check(ProvenanceDetector d, byte[] f, Verdict want) throws Exception {
    Report r = d.examine(f);
    if (r.verdict() != want) {
      throw new IllegalStateException(
          "bench input gave " + r.verdict().wire() + ", not " + want.wire());
    }
  }

  private static void warmUp(ProvenanceDetector d, List<byte[]> a, List<byte[]> b)
      throws Exception {
    long end = System.nanoTime() + 3_000_000_000L;
    for (int i = 0; System.nanoTime() < end; i++) {
      d.examine(a.get(i % a.size()));
      d.examine(b.get(i % b.size()));
    }
  }

  private Map<String, Object> measure(
      PrintWriter err, String kind, ProvenanceDetector d, List<byte[]> clips) throws Exception {
    long t0 = System.nanoTime();
    for (byte[] f : clips) {
      d.examine(f);
    }
    double one = clips.size() / ((System.nanoTime() - t0) / 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    double all;
    try {
      List<Future<Report>> fs = new ArrayList<>();
      long t1 = System.nanoTime();
      for (int rep = 0; rep < threads; rep++) {
        for (byte[] f : clips) {
          fs.add(pool.submit(() -> d.examine(f)));
        }
      }
      for (Future<Report> f : fs) {
        f.get();
      }
      all = fs.size() / ((System.nanoTime() - t1) / 1e9);
    } finally {
      pool.shutdownNow();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("filesPerSecondOneThread", round(one));
    m.put("realTimeOneThread", round(one * clipSeconds));
    m.put("filesPerSecondAllThreads", round(all));
    m.put("realTimePerCore", round(all * clipSeconds / threads));
    err.printf(
        "%-9s 1 thread: %7.1f files/s  %7.0fx real time | %d threads: %7.1f files/s  %7.0fx"
            + " real time per core%n",
        kind, one, one * clipSeconds, threads, all, all * clipSeconds / threads);
    err.flush();
    return m;
  }

  /** Where one thread's time goes, per file: decode, manifest, watermark (speed search or not). */
  private Map<String, Object> stages(PrintWriter err, KeyRing ring, List<byte[]> clips)
      throws Exception {
    AudioDecoder dec = AudioDecoder.create();
    ManifestVerifier mv = ManifestVerifier.builder().trustAnchor(ring.rootCertificate()).build();
    Watermarker full = Watermarker.builder().build();
    Watermarker plain = Watermarker.builder().withoutSpeedSearch().build();
    List<WatermarkKey> keys = ring.watermarkKeys().all();
    double[] ms = new double[4];
    for (byte[] f : clips) {
      long t0 = System.nanoTime();
      DecodedAudio a = dec.decode(f);
      long t1 = System.nanoTime();
      mv.read(f);
      long t2 = System.nanoTime();
      full.detect(a.channels(), a.sampleRate(), keys);
      long t3 = System.nanoTime();
      plain.detect(a.channels(), a.sampleRate(), keys);
      long t4 = System.nanoTime();
      ms[0] += (t1 - t0) / 1e6;
      ms[1] += (t2 - t1) / 1e6;
      ms[2] += (t3 - t2) / 1e6;
      ms[3] += (t4 - t3) / 1e6;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("decode", round(ms[0] / clips.size()));
    m.put("manifest", round(ms[1] / clips.size()));
    m.put("watermark", round(ms[2] / clips.size()));
    m.put("watermarkWithoutSpeedSearch", round(ms[3] / clips.size()));
    err.println("  per file (ms): " + m);
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static void deleteTree(Path p) throws java.io.IOException {
    try (var w = Files.walk(p)) {
      for (Path x : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }
}

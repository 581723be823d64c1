package org.voxproof.app.demo;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.voxproof.app.cli.Json;
import org.voxproof.app.server.ServerConfig;
import org.voxproof.app.server.VoxProofServer;
import org.voxproof.audio.AudioEncoder;
import org.voxproof.synth.engine.EspeakEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code voxproof demo}: the whole story on a fresh machine through the HTTP API of a real server
 * it starts on an ephemeral loopback port — keys, enrolment, the owner's consent (speech made by
 * espeak-ng for the demo), synthesis, detection of the WAV and of an MP3 re-encode, revocation,
 * refusal, erasure — and a summary table. Exit 0 only if every step behaved as expected, 1
 * otherwise (the step is named), 2 when the environment cannot run it.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "The whole story end to end through the HTTP API of a server it starts on loopback.",
      "The owner's voice is speech made for the demo by espeak-ng (labelled as such).",
      "Exit 0 every step behaved as expected, 1 a step did not (named), 2 cannot run here."
    })
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print one JSON document instead of the table.")
  boolean json;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Data directory for the demo's server (default: a new temporary one).")
  Path dataDir;

  @Option(
      names = "--keep",
      description = "Keep the temporary data directory (a --data-dir is always kept).")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    PrintStream err = System.err;
    List<String> missing = missingTools();
    if (!missing.isEmpty()) {
      err.println(
          "voxproof demo: needs "
              + String.join(" and ", missing)
              + " on the PATH (Debian: apt-get install espeak-ng lame)");
      return 2;
    }
    boolean temporary = dataDir == null;
    Path dir = temporary ? Files.createTempDirectory("voxproof-demo") : dataDir;
    long t0 = System.nanoTime();
    DemoStory story =
        new DemoStory(dir, new DemoSpeech(EspeakEngine.findOnPath().orElseThrow()), err);
    VoxProofServer[] server = new VoxProofServer[1];
    List<DemoStep> steps;
    try {
      story.step(
          "server",
          "listening on loopback",
          () -> {
            server[0] = VoxProofServer.start(ServerConfig.plain(dir, "127.0.0.1", 0));
            story.connect(new DemoHttp(server[0].url()));
            return server[0].url();
          });
      steps = story.run();
    } finally {
      if (server[0] != null) {
        server[0].close();
      }
      if (temporary && !keep) {
        DemoSetup.deleteTree(dir);
      }
    }
    String url = server[0] == null ? null : server[0].url();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    DemoStep failed = steps.stream().filter(x -> !x.ok()).findFirst().orElse(null);
    boolean kept = !temporary || keep;
    if (json) {
      Json.print(System.out, report(steps, failed, url, kept ? dir : null, ms));
    } else {
      DemoTable.print(System.out, steps);
      System.out.println(summary(failed, ms, kept ? dir : null));
    }
    return failed == null ? 0 : 1;
  }

  static List<String> missingTools() {
    List<String> missing = new ArrayList<>();
    if (EspeakEngine.findOnPath().isEmpty()) {
      missing.add("espeak-ng (the owner's demo voice and the synthesis engine)");
    }
    if (!AudioEncoder.available(AudioEncoder.Format.MP3)) {
      missing.add("lame (the MP3 re-encode)");
    }
    return missing;
  }

  private static Map<String, Object> report(
      List<DemoStep> steps, DemoStep failed, String url, Path kept, long ms) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", failed == null);
    m.put("failedStep", failed == null ? null : failed.step());
    m.put("server", url);
    m.put("dataDir", kept == null ? null : kept.toAbsolutePath().toString());
    m.put("speech", SPEECH_NOTE);
    m.put("ms", ms);
    m.put("steps", steps.stream().map(DemoStep::toJson).toList());
    return m;
  }

  static final String SPEECH_NOTE =
      "demo-made: the owner's reference samples and spoken consent were synthesized by espeak-ng"
          + " (voice "
          + DemoSpeech.VOICE
          + ") for this demo; the real consent checks examined them";

  private static String summary(DemoStep failed, long ms, Path kept) {
    String head =
        failed == null
            ? String.format("demo: every step behaved as expected (%.1f s).", ms / 1000.0)
            : String.format(
                "demo: step '%s' did not behave as expected: %s", failed.step(), failed.got());
    return head
        + "\nNote: "
        + SPEECH_NOTE
        + "."
        + (kept == null ? "" : "\nData directory kept: " + kept.toAbsolutePath());
  }
}

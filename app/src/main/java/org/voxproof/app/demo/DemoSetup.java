package org.voxproof.app.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.voxproof.app.server.Databases;
import org.voxproof.http.auth.Role;
import org.voxproof.http.clients.ApiClients;
import org.voxproof.storage.Storage;
import org.voxproof.synth.engine.EspeakEngine;

/**
 * The first half of the demo for other tools (the HTTP benchmark): against a running server, API
 * keys through the admin path, an owner enrolled and consenting with demo-made espeak-ng speech
 * through the real checks, and one synthesis — so a caller holds a genuine consent token and a
 * genuine output.
 */
public final class DemoSetup {
  private DemoSetup() {}

  /**
   * What the setup leaves: the keys (licensee of {@link DemoStory#LICENSEE_ORG}, platform), the
   * consent token, the synthesized WAV.
   */
  public record Ready(String licenseeKey, String platformKey, String token, byte[] wav) {}

  /** How many owners {@link #consented(String, Path, int, PrintStream)} can make. */
  public static final int VARIANTS = 5;

  /** The purpose and language the token covers, and the text the setup synthesized. */
  public static final String PURPOSE = DemoStory.PURPOSE;

  /**
   * Runs the steps up to {@code synthesize} against {@code url} (whose data directory or database
   * is {@code dataDir}).
   *
   * @throws IllegalStateException naming the step that did not behave, or when espeak-ng is missing
   */
  public static Ready consented(String url, Path dataDir, PrintStream progress) {
    return consented(url, dataDir, 0, progress);
  }

  private static final List<String> OWNERS =
      List.of(DemoStory.OWNER, "Bob Jones", "Carol White", "David Brown", "Emma Green");

  /**
   * The same for owner number {@code variant} (0 is the demo's): another name and another speaking
   * rate, so that its recordings are not the earlier owners' (which the replay check refuses).
   */
  public static Ready consented(String url, Path dataDir, int variant, PrintStream progress) {
    if (variant < 0 || variant >= OWNERS.size()) {
      throw new IllegalArgumentException("variant 0 to " + (OWNERS.size() - 1));
    }
    Path espeak =
        EspeakEngine.findOnPath()
            .orElseThrow(() -> new IllegalStateException("espeak-ng is not on the PATH"));
    DemoStory story =
        new DemoStory(
            dataDir,
            OWNERS.get(variant),
            new DemoSpeech(espeak, DemoSpeech.SPEED + 8 * variant),
            progress);
    story.connect(new DemoHttp(url));
    List<DemoStep> steps = story.run("synthesize");
    for (DemoStep s : steps) {
      if (!s.ok()) {
        throw new IllegalStateException("setup step " + s.step() + ": " + s.got());
      }
    }
    return new Ready(story.licenseeKey(), story.platformKey(), story.token(), story.synthesized());
  }

  /** An API client of {@code role} (licensee of the demo's organisation, or platform). */
  public static String newKey(Path dataDir, Role role, String name) throws Exception {
    try (Storage db = Databases.open(dataDir, null)) {
      String organisation = role == Role.LICENSEE ? DemoStory.LICENSEE_ORG : name;
      return ApiClients.open(db).create(name, role, organisation, Duration.ofDays(1)).key();
    }
  }

  /** Deletes a directory tree (the temporary data directories of the demo and the benchmark). */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

package org.voxproof.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.server.Databases;
import org.voxproof.app.server.ServerConfig;
import org.voxproof.app.server.VoxProofServer;
import org.voxproof.http.auth.Role;
import org.voxproof.http.clients.ApiClients;
import org.voxproof.storage.Storage;
import org.voxproof.testkit.Tools;

/**
 * docs/api-guide.md is executable: every {@code sh} block, in order, runs as one {@code bash -euo
 * pipefail} script against a server started here on a fresh data directory, with {@code $VOXPROOF},
 * {@code $KEY} (licensee of Acme Bank) and {@code $PLATFORM_KEY} from the environment — as the
 * guide's setup makes them with {@code voxproof admin create-client}. Every curl that must succeed
 * uses {@code --fail-with-body}; the refusal after revocation is checked by its status code.
 */
class ApiGuideIT {
  private static final Pattern SH = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path dir;

  static Path guide() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("docs/api-guide.md"))) {
      p = p.getParent();
    }
    assertThat(p).as("docs/api-guide.md above " + Path.of("").toAbsolutePath()).isNotNull();
    return p.resolve("docs/api-guide.md");
  }

  static List<String> shBlocks(String markdown) {
    List<String> out = new ArrayList<>();
    Matcher m = SH.matcher(markdown);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void guide_coversEveryStep_inShBlocks() throws Exception {
    String all = String.join("\n", shBlocks(Files.readString(guide())));
    assertThat(all)
        .contains(
            "/v1/enrollments\"",
            "/owner\"",
            "/samples\"",
            "/challenge\"",
            "/consent\"",
            "/v1/synthesize\"",
            "/v1/detect\"",
            "/v1/ledger/checkpoint\"",
            "/v1/ledger/proofs/inclusion?",
            "/revoke\"",
            "-X DELETE \"$VOXPROOF/v1/voices/$VOICE\"",
            "/uses\"");
  }

  @Test
  void guide_shBlocksRunAgainstARealServer_everyStatusAsDocumented() throws Exception {
    Tools.require("espeak-ng", "curl", "jq", "python3");
    List<String> blocks = shBlocks(Files.readString(guide()));
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(10);
    Path work = Files.createDirectories(dir.resolve("work"));
    Path script = work.resolve("guide.sh");
    Files.writeString(script, "set -euo pipefail\n" + String.join("\n", blocks));
    Path data = dir.resolve("data");
    try (VoxProofServer server = VoxProofServer.start(ServerConfig.plain(data, "127.0.0.1", 0))) {
      ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(work.toFile());
      pb.environment().put("VOXPROOF", server.url());
      pb.environment().put("KEY", key(data, "bank-app", Role.LICENSEE, "Acme Bank"));
      pb.environment()
          .put("PLATFORM_KEY", key(data, "upload-checker", Role.PLATFORM, "upload-checker"));
      pb.redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile());
      Process p = pb.start();
      boolean done = p.waitFor(Duration.ofMinutes(4).toSeconds(), TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      String out = Files.readString(work.resolve("out.txt"), StandardCharsets.UTF_8);
      assertThat(done).as(out).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out)
          .contains("\"status\":\"open\"")
          .contains("\"status\":\"consented\"")
          .contains("\"verdict\":\"verified-synthetic\"")
          .contains("inclusion proof ok")
          .contains("403 [\"consent_revoked\"]")
          .contains("\"consent\":{\"status\":\"revoked\"}")
          .contains("\"status\":\"erased\"")
          .contains("\"consent\":{\"status\":\"erased\"}");
    }
  }

  private static String key(Path data, String name, Role role, String org) throws Exception {
    try (Storage db = Databases.open(data, null)) {
      return ApiClients.open(db).create(name, role, org, Duration.ofDays(1)).key();
    }
  }
}

package org.voxproof.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.voxproof.testkit.Shared;

/**
 * The reference (c2pa-rs through c2pa-node) timed on the same file by {@code bench.mjs} from {@code
 * ../shared/tools/c2pa-verifier}, installed where {@code VOXPROOF_C2PA_VERIFIER} says (default
 * {@code /tmp/voxproof-c2pa-verifier}). Each call is one node process: N signs, N reads.
 */
final class ManifestBenchReference {
  private final Path dir;
  private final Path certs;

  private ManifestBenchReference(Path dir, Path certs) {
    this.dir = dir;
    this.certs = certs;
  }

  /** The reference, with an ES256 test chain made in {@code work}; empty when not installed. */
  static Optional<ManifestBenchReference> find(Path work) throws IOException, InterruptedException {
    Path dir = Shared.c2paVerifier();
    if (!Files.isRegularFile(dir.resolve("bench.mjs"))
        || !Files.isDirectory(dir.resolve("node_modules"))) {
      return Optional.empty();
    }
    Path certs = work.resolve("ref-certs");
    run(
        dir,
        certs,
        List.of("bash", dir.resolve("gen-certs.sh").toString(), "es256", certs.toString()));
    return Optional.of(new ManifestBenchReference(dir, certs));
  }

  /** {sign + embed ms, read + validate ms} per file, as bench.mjs measures them. */
  double[] measure(Path file, String mime, int n) throws IOException, InterruptedException {
    String out =
        run(
            dir,
            certs,
            List.of(
                "node",
                dir.resolve("bench.mjs").toString(),
                file.toString(),
                mime,
                Integer.toString(n),
                "es256"));
    String[] lines = out.strip().split("\n");
    JsonNode j = new ObjectMapper().readTree(lines[lines.length - 1]);
    return new double[] {j.path("signEmbedMs").asDouble(), j.path("readValidateMs").asDouble()};
  }

  private static String run(Path dir, Path certs, List<String> cmd)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("CERTS", certs.toString());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(
          "reference failed: " + cmd + ": " + new String(out, StandardCharsets.UTF_8).strip());
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}

package org.voxproof.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.voxproof.testkit.Shared;
import org.voxproof.testkit.Tools;

/**
 * The reference validator (c2pa-rs through c2pa-node), set up by
 * ../shared/tools/c2pa-verifier/setup-verifier.sh in $VOXPROOF_C2PA_VERIFIER. Missing: the test is
 * skipped locally and fails when $CI is set.
 */
final class C2paRs {
  static final Path DIR = Shared.c2paVerifier();

  /** What verify.mjs printed. */
  record Result(int exit, String state, JsonNode store, List<String> failureCodes) {
    /** All success and failure codes of the active manifest, sorted. */
    TreeSet<String> codes() {
      TreeSet<String> out = new TreeSet<>();
      JsonNode am = store.path("validation_results").path("activeManifest");
      for (String k : List.of("success", "failure")) {
        am.path(k).forEach(n -> out.add(n.path("code").asText()));
      }
      return out;
    }
  }

  private C2paRs() {}

  static void requireTools(String... commands) {
    Tools.require("node");
    Tools.require(commands);
    Tools.requireFile(DIR.resolve("verify.mjs"), "the c2pa-rs verifier");
  }

  static boolean installed() {
    return Files.isRegularFile(DIR.resolve("verify.mjs")) && Tools.present("node");
  }

  static Result verify(Path file, String mime, Path root) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of("node", DIR.resolve("verify.mjs").toString(), file.toString(), mime));
    if (root != null) {
      cmd.add(root.toString());
    }
    Run r = run(DIR, Map.of(), cmd);
    JsonNode j = new ObjectMapper().readTree(r.out);
    List<String> fails = new ArrayList<>();
    j.path("failures").forEach(n -> fails.add(n.path("code").asText()));
    return new Result(r.exit, j.path("state").asText(), j.path("store"), fails);
  }

  /** Signs {@code in} with c2pa-rs itself (sign-verify.mjs) and the test chain in {@code certs}. */
  static void referenceSign(Path in, String mime, Path out, Path certs) throws Exception {
    referenceSign(in, mime, out, certs, "es256");
  }

  static void referenceSign(Path in, String mime, Path out, Path certs, String alg)
      throws Exception {
    Run r =
        run(
            DIR,
            Map.of("CERTS", certs.toString()),
            List.of(
                "node",
                DIR.resolve("sign-verify.mjs").toString(),
                in.toString(),
                mime,
                out.toString(),
                alg));
    if (r.exit != 0) {
      throw new IOException("sign-verify.mjs failed: " + r.err);
    }
  }

  static void genCerts(Path dir) throws Exception {
    genCerts(dir, "es256");
  }

  static void genCerts(Path dir, String alg) throws Exception {
    Run r =
        run(DIR, Map.of(), List.of(DIR.resolve("gen-certs.sh").toString(), alg, dir.toString()));
    if (r.exit != 0) {
      throw new IOException("gen-certs.sh failed: " + r.err);
    }
  }

  record Run(int exit, String out, String err) {}

  static Run run(Path cwd, Map<String, String> env, List<String> cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().putAll(env);
    Path out = Files.createTempFile("c2pa", ".out");
    Path err = Files.createTempFile("c2pa", ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + cmd);
    }
    Run r =
        new Run(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }
}

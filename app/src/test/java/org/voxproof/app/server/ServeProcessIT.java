package org.voxproof.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.embedded.LogVerifier;
import org.voxproof.provenance.KeyRing;

/**
 * {@code voxproof serve} and {@code voxproof admin} as separate processes on one data directory,
 * both under umask 000: a key created by {@code admin} works on the server, a revocation made by
 * another process is refused on the next request, SIGTERM stops the server gracefully (ledger
 * closed), and nothing in the data directory is readable or writable by anyone but its owner.
 */
class ServeProcessIT {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://[0-9.]+:[0-9]+)");

  /**
   * Public certificates the key ring keeps readable on purpose (provenance: verifiers read them).
   */
  private static final Set<String> PUBLIC_FILES =
      Set.of("trust-anchor.pem", "retired-certificates.pem");

  @TempDir Path dir;

  private static ProcessBuilder voxproofUmask000(String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask 000; exec \"$@\"", "sh", java));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), VoxProof.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }

  private static String lastWord(Process p) throws Exception {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).as(out).isZero();
    String[] words = out.split("\\s+");
    return words[words.length - 1];
  }

  private static int status(String url, String key) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url + "/v1/ledger/checkpoint"))
                .header("Authorization", "Bearer " + key)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void serveAndAdmin_twoProcesses_umask000_sigterm() throws Exception {
    Path data = dir.resolve("data");
    String d = data.toString();
    Process serve =
        voxproofUmask000("serve", "--data-dir", d, "--port", "0")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> lines = new ArrayList<>();
    BufferedReader err =
        new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8));
    String url = null;
    for (String line; url == null && (line = err.readLine()) != null; ) {
      lines.add(line);
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        url = m.group(1);
      }
    }
    assertThat(url).as(String.join("\n", lines)).isNotNull();

    String key =
        lastWord(
            voxproofUmask000(
                    "admin",
                    "create-client",
                    "--data-dir",
                    d,
                    "--name",
                    "bank",
                    "--role",
                    "licensee")
                .start());
    assertThat(status(url, key)).isEqualTo(200);
    // A third process (this JVM) revokes while serve runs: refused on the next request.
    PrintStream realOut = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      assertThat(VoxProof.execute("admin", "revoke-client", "--data-dir", d, "bank")).isZero();
    } finally {
      System.setOut(realOut);
    }
    assertThat(status(url, key)).isEqualTo(401);

    serve.toHandle().destroy(); // SIGTERM, keeping our end of its stderr open
    assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
    for (String line; (line = err.readLine()) != null; ) {
      lines.add(line);
    }
    assertThat(lines).contains("voxproof: shutting down", "voxproof: stopped");
    assertThat(String.join("\n", lines)).doesNotContain("Exception");
    String origin = EmbeddedLedger.storedOrigin(data).orElseThrow();
    try (KeyRing keys = KeyRing.builder().dataDirectory(data).existingOnly().open();
        EmbeddedLedger again =
            EmbeddedLedger.builder(data).signer(keys.checkpointSigner(origin)).open()) {
      assertThat(again.size()).isZero(); // the writer lock was released
    }
    LogVerifier.verify(data);
    assertOwnerOnly(data);
  }

  /** Directories 0700, files 0600 (the public certificates 0644): nothing open to others. */
  private static void assertOwnerOnly(Path data) throws Exception {
    Map<String, String> modes = new TreeMap<>();
    try (Stream<Path> all = Files.walk(data)) {
      for (Path p : all.toList()) {
        modes.put(
            data.relativize(p).toString(),
            PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
      }
    }
    assertThat(modes).containsKeys("", "ledger", "keyring.p12", "voxproof.db", "ledger/entries");
    modes.forEach(
        (name, mode) -> {
          Path p = data.resolve(name);
          String want =
              Files.isDirectory(p)
                  ? "rwx------"
                  : PUBLIC_FILES.contains(p.getFileName().toString()) ? "rw-r--r--" : "rw-------";
          assertThat(mode).as(name + " in " + modes).isEqualTo(want);
        });
  }
}

package org.voxproof.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.embedded.LogVerifier;
import org.voxproof.provenance.KeyRing;

/** {@code voxproof serve} in a child JVM, stopped with SIGTERM: it shuts down gracefully. */
class ServeSigtermIT {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://[0-9.]+:[0-9]+)");

  @TempDir Path dir;

  @Test
  void sigterm_stopsGracefully_andClosesTheLedger() throws Exception {
    Path data = dir.resolve("data");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "org.voxproof.app.VoxProof",
                "serve",
                "--data-dir",
                data.toString(),
                "--port",
                "0")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> lines = new ArrayList<>();
    BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    String url = null;
    for (String line; url == null && (line = err.readLine()) != null; ) {
      lines.add(line);
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        url = m.group(1);
      }
    }
    assertThat(url).as(String.join("\n", lines)).isNotNull();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "/v1/ledger/checkpoint")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);

    p.toHandle().destroy(); // SIGTERM, keeping our end of its stderr open
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
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
  }
}

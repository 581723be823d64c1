package org.voxproof.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;
import org.voxproof.http.observe.JsonLogFormatter;
import org.voxproof.testkit.Tools;

/**
 * The whole story in one process ({@code voxproof demo}: licensee and platform keys, enrolment,
 * invitation, owner secret, samples, spoken consent and its token, synthesis, detection,
 * revocation, refusal, erasure) with every {@code java.util.logging} record captured at every level
 * and written as the server writes them (JSON lines): the access log has one line per request with
 * request id, route template, status and latency, and no line holds the owner's name, an API key,
 * the owner secret, the invitation, a consent token or the key ring's password.
 */
class ServeLogsIT {
  @TempDir Path dir;

  /** Every record, formatted as {@code serve} formats it. */
  static final class Capture extends Handler {
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final JsonLogFormatter json = new JsonLogFormatter();

    Capture() {
      setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord r) {
      lines.add(json.format(r));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void wholeStory_logsAreJsonLines_withoutPersonalDataOrSecrets() throws Exception {
    Tools.require("espeak-ng", "lame");
    Path data = dir.resolve("data");
    Logger root = Logger.getLogger("");
    Level before = root.getLevel();
    Capture capture = new Capture();
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream realOut = System.out;
    PrintStream realErr = System.err;
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = VoxProof.execute("demo", "--json", "--data-dir", data.toString());
    } finally {
      System.setOut(realOut);
      System.setErr(realErr);
      root.removeHandler(capture);
      root.setLevel(before);
    }
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(report + err).isZero();

    List<JsonObject> access = new ArrayList<>();
    for (String line : capture.lines) {
      assertThat(line).endsWith(System.lineSeparator());
      JsonObject j = new JsonObject(line.strip()); // one JSON object per line
      assertThat(j.fieldNames()).contains("time", "level", "logger", "message");
      if ("voxproof.access".equals(j.getString("logger"))) {
        access.add(j);
      }
    }
    assertThat(access)
        .allSatisfy(
            j ->
                assertThat(j.fieldNames())
                    .contains("request_id", "method", "route", "status", "latency_ms"));
    List<String> seen =
        access.stream()
            .map(
                j ->
                    j.getString("method")
                        + " "
                        + j.getString("route")
                        + " "
                        + j.getInteger("status"))
            .toList();
    assertThat(seen)
        .contains(
            "POST /v1/enrollments 201",
            "POST /v1/enrollments/:id/owner 201",
            "POST /v1/enrollments/:id/consent 201",
            "POST /v1/synthesize 200",
            "POST /v1/detect 200",
            "POST /v1/consents/:id/revoke 200",
            "POST /v1/synthesize 403",
            "DELETE /v1/voices/:voiceId 200");
    assertThat(access)
        .anySatisfy(j -> assertThat(j.getString("verdict")).isEqualTo("verified-synthetic"));

    String all = String.join("", capture.lines);
    String password = Files.readString(data.resolve("keystore.password")).strip();
    assertThat(password).hasSizeGreaterThan(8);
    assertThat(all)
        .doesNotContain(DemoStory.OWNER)
        .doesNotContain("Alice")
        .doesNotContain("vxk_") // API keys
        .doesNotContain("vxo_") // owner secrets
        .doesNotContain("vxi_") // invitations
        .doesNotContain("eyJ") // JWTs: consent tokens, status lists
        .doesNotContain(password)
        .doesNotContain(DemoStory.TEXT);
  }
}

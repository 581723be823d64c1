package org.voxproof.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;
import org.voxproof.testkit.SpeechCorpus;

/**
 * The CLI end to end on real speech: convert, watermark, sign, show, tamper, detect — the same
 * commands an operator runs, in-process through {@link VoxProof#execute}.
 */
class CliStoryIT {
  @TempDir Path dir;
  @RegisterExtension final CliRun cli = new CliRun();

  /** Runs a command; returns its exit code and leaves its stdout in {@link #lastJson()}. */
  private int run(Object... args) {
    return cli.run(args);
  }

  private JsonNode lastJson() throws Exception {
    return cli.lastJson();
  }

  @Test
  void convertWatermarkSignTamper_eachStepReportsWhatHappened() throws Exception {
    Path speech = SpeechCorpus.jfk();
    Path at48k = dir.resolve("48k.wav");
    Path key = dir.resolve("wm.key");
    Path marked = dir.resolve("marked.wav");
    Path signed = dir.resolve("signed.wav");
    Path data = dir.resolve("data");

    assertThat(run("audio", "convert", speech, at48k, "--rate", "48000")).isZero();
    assertThat(run("audio", "info", at48k)).isZero();
    assertThat(lastJson().get("sampleRate").asInt()).isEqualTo(48000);
    assertThat(lastJson().get("durationSeconds").asDouble()).isBetween(10.98, 11.02);

    assertThat(run("watermark", "keygen", "--out", key)).isZero();
    assertThat(run("watermark", "embed", "--key-file", key, "--payload", "0a1b2c3d", at48k, marked))
        .isZero();
    assertThat(run("manifest", "sign", "--data-dir", data, marked, signed)).isZero();

    assertThat(run("manifest", "show", "--data-dir", data, signed)).isZero();
    assertThat(lastJson().toString())
        .contains("claimSignature.validated", "assertion.dataHash.match");
    assertThat(run("watermark", "detect", "--key-file", key, signed)).isZero();
    assertThat(lastJson().get("found").asBoolean()).isTrue();
    assertThat(lastJson().get("payload").asText()).isEqualTo("0a1b2c3d");

    Path tampered = dir.resolve("tampered.wav");
    byte[] bytes = Files.readAllBytes(signed);
    bytes[bytes.length / 3] ^= 0x10; // inside the audio data, far from the C2PA chunk at the end
    Files.write(tampered, bytes);
    assertThat(run("manifest", "show", "--data-dir", data, tampered)).isEqualTo(1);
    assertThat(lastJson().toString()).contains("assertion.dataHash.mismatch");
  }

  @Test
  void watermarkDetect_unmarkedSpeechOrWrongKey_findsNothing() throws Exception {
    Path key = dir.resolve("a.key");
    Path other = dir.resolve("b.key");
    Path marked = dir.resolve("marked.wav");
    assertThat(run("watermark", "keygen", "--out", key)).isZero();
    assertThat(run("watermark", "keygen", "--out", other)).isZero();
    assertThat(
            run(
                "watermark",
                "embed",
                "--key-file",
                key,
                "--payload",
                "deadbeef",
                SpeechCorpus.jfk(),
                marked))
        .isZero();

    assertThat(run("watermark", "detect", "--key-file", key, SpeechCorpus.jfk())).isEqualTo(1);
    assertThat(lastJson().get("found").asBoolean()).isFalse();
    assertThat(run("watermark", "detect", "--key-file", other, marked)).isEqualTo(1);
    assertThat(lastJson().get("found").asBoolean()).isFalse();
  }

  @Test
  void watermarkDetect_missingFileOrBadKeyFile_exits2() throws Exception {
    Path key = dir.resolve("a.key");
    Path notKey = dir.resolve("not.key");
    Files.writeString(notKey, "{\"type\":\"something-else\"}");
    assertThat(run("watermark", "keygen", "--out", key)).isZero();

    assertThat(run("watermark", "detect", "--key-file", key, dir.resolve("missing.wav")))
        .isEqualTo(2);
    assertThat(run("watermark", "detect", "--key-file", notKey, SpeechCorpus.jfk())).isEqualTo(2);
  }

  @Test
  void audioInfo_pdfNamedWav_failsWithStableReason() throws Exception {
    Path fake = dir.resolve("report.wav");
    Files.writeString(fake, "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream realErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(run("audio", "info", fake)).isEqualTo(2);
    } finally {
      System.setErr(realErr);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("not_audio");
  }
}

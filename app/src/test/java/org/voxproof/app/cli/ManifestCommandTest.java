package org.voxproof.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code manifest sign|show} and {@code keys export-trust} through the command line. */
class ManifestCommandTest {
  @TempDir Path dir;
  @RegisterExtension final CliRun cli = new CliRun();

  private int run(Object... args) {
    return cli.run(args);
  }

  private String stdout() {
    return cli.stdout();
  }

  private Path tone() throws Exception {
    byte[] pcm = new byte[16000 * 2];
    for (int i = 0; i < pcm.length / 2; i++) {
      short v = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
      pcm[2 * i] = (byte) v;
      pcm[2 * i + 1] = (byte) (v >> 8);
    }
    AudioFormat f = new AudioFormat(16000, 16, 1, true, false);
    Path p = dir.resolve("tone.wav");
    AudioSystem.write(
        new AudioInputStream(new ByteArrayInputStream(pcm), f, pcm.length / 2),
        AudioFileFormat.Type.WAVE,
        p.toFile());
    return p;
  }

  @Test
  void show_afterSign_trustedFromTheTrustAnchorFileAlone() throws Exception {
    Path data = dir.resolve("data");
    Path signed = dir.resolve("signed.wav");
    assertThat(run("manifest", "sign", "--data-dir", data, tone(), signed)).isZero();
    // The read-only path needs neither the key store nor its password.
    Files.delete(data.resolve("keyring.p12"));
    Files.delete(data.resolve("keystore.password"));
    assertThat(run("manifest", "show", "--data-dir", data, signed)).isZero();
    JsonNode j = cli.lastJson();
    assertThat(j.get("state").asText()).isEqualTo("Trusted");
    assertThat(j.get("codes").toString()).contains("signingCredential.trusted");
    assertThat(run("keys", "export-trust", "--data-dir", data)).isZero();
    assertThat(stdout()).isEqualTo(Files.readString(data.resolve("trust-anchor.pem")));
  }

  @Test
  void exportTrust_freshDataDir_createsTheRingOnFirstUse() throws Exception {
    Path data = dir.resolve("fresh");
    assertThat(run("keys", "export-trust", "--data-dir", data)).isZero();
    assertThat(stdout()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(Files.exists(data.resolve("keyring.p12"))).isTrue();
  }

  @Test
  void show_noTrustAnchor_validButUntrustedCheckSkipped() throws Exception {
    Path signed = dir.resolve("signed.wav");
    assertThat(run("manifest", "sign", "--data-dir", dir.resolve("data"), tone(), signed)).isZero();
    assertThat(run("manifest", "show", "--data-dir", dir.resolve("none"), signed)).isZero();
    JsonNode j = cli.lastJson();
    assertThat(j.get("state").asText()).isEqualTo("Valid");
    assertThat(j.get("trusted").asBoolean()).isFalse();
  }
}

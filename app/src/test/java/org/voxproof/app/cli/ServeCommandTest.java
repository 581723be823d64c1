package org.voxproof.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;

class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void serve_onlyWithoutItsPeers_refusedBeforeTouchingTheDataDir() {
    Path data = dir.resolve("data");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream realErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = VoxProof.execute("serve", "--only", "consent", "--data-dir", data.toString());
    } finally {
      System.setErr(realErr);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--only consent needs --ledger-url");
    assertThat(Files.exists(data)).isFalse();
  }

  @Test
  void serve_onlyBadCombinations_refusedWithTheOptionNamed() throws Exception {
    Path data = dir.resolve("data");
    Path key = Files.writeString(dir.resolve("service.key"), "vxk_0123456789abcdef_x\n");
    String d = data.toString();
    assertThat(serveErr(2, "serve", "--only", "web", "--data-dir", d))
        .contains("--only web: choose consent, synth, detector or ledger");
    assertThat(serveErr(2, "serve", "--only", "ledger", "--data-dir", d))
        .contains("--only ledger serves HTTPS");
    assertThat(
            serveErr(
                2,
                "serve",
                "--only",
                "synth",
                "--ledger-url",
                "http://ledger.example:8443",
                "--consent-url",
                "https://consent.example:8443",
                "--service-key-file",
                key.toString(),
                "--data-dir",
                d))
        .contains("peers are reached over TLS");
    assertThat(
            serveErr(
                2,
                "serve",
                "--only",
                "detector",
                "--ledger-url",
                "https://ledger.example:8443",
                "--consent-url",
                "https://consent.example:8443",
                "--data-dir",
                d))
        .contains("needs a service key for the ledger node");
    assertThat(serveErr(2, "serve", "--ledger-url", "https://ledger.example", "--data-dir", d))
        .contains("go with --only");
    assertThat(Files.exists(data)).isFalse();
  }

  private String serveErr(int expectedExit, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream realErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(VoxProof.execute(args)).isEqualTo(expectedExit);
    } finally {
      System.setErr(realErr);
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void serve_ledgerModeAndFabricConfig_checkedBeforeTouchingTheDataDir() throws Exception {
    Path data = dir.resolve("data");
    String d = data.toString();
    assertThat(serveErr(2, "serve", "--port", "0", "--data-dir", d, "--ledger", "ethereum"))
        .contains("--ledger ethereum: choose embedded, fabric or hybrid");
    assertThat(serveErr(2, "serve", "--port", "0", "--data-dir", d, "--ledger", "hybrid"))
        .contains("--ledger hybrid needs --fabric-config FILE");
    assertThat(serveErr(2, "serve", "--port", "0", "--data-dir", d, "--fabric-config", d))
        .contains("--fabric-config goes with --ledger fabric or --ledger hybrid");
    assertThat(Files.exists(data)).isFalse();
    Path missing = dir.resolve("nope.properties");
    assertThat(
            serveErr(
                2,
                "serve",
                "--port",
                "0",
                "--data-dir",
                d,
                "--ledger",
                "fabric",
                "--fabric-config",
                missing.toString()))
        .contains("voxproof: cannot read --fabric-config " + missing);
    assertThat(Files.exists(data)).isFalse();
    Path incomplete = Files.writeString(dir.resolve("fabric.properties"), "channel=voxproof\n");
    assertThat(
            serveErr(
                2,
                "serve",
                "--port",
                "0",
                "--data-dir",
                d,
                "--ledger",
                "hybrid",
                "--fabric-config",
                incomplete.toString()))
        .contains("voxproof: --fabric-config " + incomplete + ": fabric config needs peerEndpoint");
    assertThat(Files.exists(data)).isFalse();
  }
}

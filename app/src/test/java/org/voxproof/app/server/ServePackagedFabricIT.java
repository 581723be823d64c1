package org.voxproof.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.fabric.FabricTestChannel;

/**
 * The packaged app ({@code target/voxproof.jar} with {@code target/lib}, as users run it) with
 * {@code serve --ledger hybrid}: its run-time classpath must carry everything the Fabric client
 * needs. (It did not: {@code grpc-protobuf}, which {@code fabric-gateway} needs, was test-scoped in
 * ledger-fabric, so the tests passed while the shipped server died with {@code
 * NoClassDefFoundError}.) The channel is the FAKE gateway (REAL chaincode) served over TLS.
 */
class ServePackagedFabricIT {
  @TempDir Path dir;

  private static Process voxproof(String... args) throws Exception {
    Path jar = Path.of("target", "voxproof.jar");
    assertThat(jar).as("failsafe runs after package").isRegularFile();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-jar", jar.toString()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  @Test
  @Timeout(300) // a hung start would otherwise block the build; not a timing assertion
  void packagedServeHybrid_startsOnTheChannel_andStopsOnSigterm() throws Exception {
    try (FabricTestChannel channel = FabricTestChannel.start()) {
      Path config = channel.serveOverTls(dir.resolve("fabric"));
      Process serve =
          voxproof(
              "serve",
              "--port",
              "0",
              "--data-dir",
              dir.resolve("data").toString(),
              "--ledger",
              "hybrid",
              "--fabric-config",
              config.toString());
      List<String> lines = new ArrayList<>();
      String listening = null;
      try (BufferedReader err =
          new BufferedReader(
              new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line; listening == null && (line = err.readLine()) != null; ) {
          lines.add(line);
          if (line.startsWith("voxproof: listening on ")) {
            listening = line;
          }
        }
        assertThat(listening)
            .as(String.join("\n", lines))
            .isNotNull()
            .contains("ledger hybrid: log ")
            .contains("checkpoints anchored on Fabric voxproof/voxproof");
        serve.destroy(); // SIGTERM: graceful shutdown closes the hybrid (anchors, then closes)
        assertThat(serve.waitFor(2, TimeUnit.MINUTES)).isTrue();
      } finally {
        serve.destroyForcibly();
      }
    }
  }

  @Test
  @Timeout(300)
  void packagedServeHybrid_peerUnreachable_refusesWithOneLine_exit2() throws Exception {
    Path config;
    try (FabricTestChannel channel = FabricTestChannel.start()) {
      config = channel.serveOverTls(dir.resolve("fabric")); // for its TLS and identity files
    }
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort(); // closed again: nothing listens there
    }
    Files.writeString(
        config,
        Files.readString(config).replaceAll("peerEndpoint=.*", "peerEndpoint=127.0.0.1:" + closed));
    Process serve =
        voxproof(
            "serve",
            "--port",
            "0",
            "--data-dir",
            dir.resolve("data").toString(),
            "--ledger",
            "hybrid",
            "--fabric-config",
            config.toString());
    String err = new String(serve.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(serve.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(serve.exitValue()).as(err).isEqualTo(2);
    assertThat(err).contains("voxproof: ").doesNotContain("Exception in thread", "\tat ");
  }
}

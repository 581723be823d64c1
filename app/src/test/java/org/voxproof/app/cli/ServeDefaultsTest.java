package org.voxproof.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;
import picocli.CommandLine;

/**
 * serve's options from flags, VOXPROOF_* variables, a --config file and defaults, in that order.
 */
class ServeDefaultsTest {
  @TempDir Path dir;

  /**
   * Parses serve's arguments with the defaults from {@code env} and the file; returns the command.
   */
  private static ServeCommand parse(Map<String, String> env, String... args) throws Exception {
    CommandLine cl = new CommandLine(new ServeCommand());
    cl.setDefaultValueProvider(ServeDefaults.load(cl.getCommandSpec(), List.of(args), env));
    cl.parseArgs(args);
    return cl.getCommand();
  }

  @Test
  void precedence_flagsThenEnvThenFileThenDefaults() throws Exception {
    Path toml = dir.resolve("voxproof.toml");
    Files.writeString(
        toml,
        """
        # serve configuration
        port = 9443
        host = "0.0.0.0"   # every interface
        data-dir = '/srv/voxproof'
        speaker-threshold = 0.62
        public-metrics = true
        """);
    ServeCommand fromFile = parse(Map.of(), "--config", toml.toString());
    assertThat(fromFile.port).isEqualTo(9443);
    assertThat(fromFile.host).isEqualTo("0.0.0.0");
    assertThat(fromFile.dataDir.dir()).isEqualTo(Path.of("/srv/voxproof"));
    assertThat(fromFile.opsOptions.speakerThreshold).isEqualTo(0.62);
    assertThat(fromFile.opsOptions.publicMetrics).isTrue();
    assertThat(fromFile.opsOptions.profile).isEqualTo("evaluation"); // the built-in default

    ServeCommand envWins =
        parse(
            Map.of("VOXPROOF_PORT", "7000", "VOXPROOF_CONFIG", toml.toString()),
            "--host",
            "127.0.0.2");
    assertThat(envWins.port).isEqualTo(7000); // env over file
    assertThat(envWins.host).isEqualTo("127.0.0.2"); // flag over file
    assertThat(envWins.dataDir.dir())
        .isEqualTo(Path.of("/srv/voxproof")); // file via $VOXPROOF_CONFIG

    ServeCommand flagWins =
        parse(Map.of("VOXPROOF_PORT", "7000"), "--port", "6000", "--config=" + toml);
    assertThat(flagWins.port).isEqualTo(6000);

    ServeCommand none = parse(Map.of("VOXPROOF_KEYSTORE_PASSWORD", "x", "PATH", "/bin"));
    assertThat(none.port).isEqualTo(8080);
    assertThat(none.host).isEqualTo("127.0.0.1");
  }

  @Test
  void propertiesAndJson_sameKeys() throws Exception {
    Path props = dir.resolve("serve.properties");
    Files.writeString(props, "port=8081\ndb-url=jdbc:postgresql://db/voxproof\n");
    ServeCommand p = parse(Map.of(), "--config", props.toString());
    assertThat(p.port).isEqualTo(8081);
    assertThat(p.database.url()).isEqualTo("jdbc:postgresql://db/voxproof");
    Path json = dir.resolve("serve.json");
    Files.writeString(
        json, "{\"port\": 8082, \"profile\": \"production\", \"public-metrics\": false}");
    ServeCommand j = parse(Map.of(), "--config", json.toString());
    assertThat(j.port).isEqualTo(8082);
    assertThat(j.opsOptions.profile).isEqualTo("production");
  }

  @Test
  void unknownKeysAndVariables_andBadFiles_refusedWithTheName() throws Exception {
    Path typo = dir.resolve("typo.toml");
    Files.writeString(typo, "prot = 8080\n");
    assertThatThrownBy(() -> parse(Map.of(), "--config", typo.toString()))
        .isInstanceOf(ServeDefaults.ConfigException.class)
        .hasMessageContaining("unknown key 'prot'")
        .hasMessageContaining("port");
    assertThatThrownBy(() -> parse(Map.of("VOXPROOF_PROT", "1")))
        .hasMessageContaining("VOXPROOF_PROT names no serve option")
        .hasMessageContaining("VOXPROOF_PORT");
    Path table = dir.resolve("t.toml");
    Files.writeString(table, "[server]\nport = 1\n");
    assertThatThrownBy(() -> parse(Map.of(), "--config", table.toString()))
        .hasMessageContaining("line 1: tables are not supported");
    Path badJson = dir.resolve("b.json");
    Files.writeString(badJson, "{\"port\": [1]}");
    assertThatThrownBy(() -> parse(Map.of(), "--config", badJson.toString()))
        .hasMessageContaining("'port' must be a string, number or boolean");
    assertThatThrownBy(() -> parse(Map.of(), "--config", dir.resolve("x.yaml").toString()))
        .hasMessageContaining("name it .toml, .properties or .json");
    assertThatThrownBy(() -> parse(Map.of(), "--config", dir.resolve("gone.toml").toString()))
        .hasMessageContaining("cannot read it");
  }

  @Test
  void serve_unknownConfigKey_exits2WithOneLine() throws Exception {
    Path typo = dir.resolve("typo.properties");
    Files.writeString(typo, "tls-certificate=/x\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream real = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          VoxProof.execute(
              "serve", "--config", typo.toString(), "--data-dir", dir.resolve("d").toString());
    } finally {
      System.setErr(real);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip().lines())
        .singleElement()
        .asString()
        .startsWith("voxproof: --config " + typo + ": unknown key 'tls-certificate'");
    assertThat(Files.exists(dir.resolve("d"))).isFalse();
  }
}

package org.voxproof.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;

/** {@code --profile production} fails closed: each missing requirement is named. */
class ProductionRequirementsTest {
  @TempDir Path dir;

  private ServerConfig server(boolean tls, String dbUrl) throws Exception {
    Path cert = Files.writeString(dir.resolve("c.pem"), "x");
    Path key = Files.writeString(dir.resolve("k.pem"), "x");
    return new ServerConfig(
        dir.resolve("data"),
        "0.0.0.0",
        8443,
        tls ? cert : null,
        tls ? key : null,
        Duration.ofSeconds(20),
        dbUrl);
  }

  private OpsConfig ops(boolean speaker, boolean spoof) throws Exception {
    Path sm = Files.writeString(dir.resolve("speaker.onnx"), "x");
    Path am = Files.writeString(dir.resolve("spoof.onnx"), "x");
    return new OpsConfig(
        Profile.PRODUCTION, speaker ? sm : null, 0.5, spoof ? am : null, 0.5, false);
  }

  private static Map<String, String> env(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static final String[] SECRETS = {
    "VOXPROOF_KEYSTORE_PASSWORD", "a-long-operator-chosen-secret", "VOXPROOF_DB_PASSWORD", "pg"
  };

  @Test
  void everythingGiven_nothingUnmet() throws Exception {
    assertThat(
            ProductionRequirements.unmet(
                server(true, "jdbc:postgresql://db/voxproof"), ops(true, true), env(SECRETS)))
        .isEmpty();
    // An HSM instead of a key-ring password.
    assertThat(
            ProductionRequirements.unmet(
                server(true, "jdbc:postgresql://db/voxproof"),
                ops(true, true),
                env("VOXPROOF_PKCS11_CONFIG", "/etc/softhsm.cfg", "VOXPROOF_DB_PASSWORD", "pg")))
        .isEmpty();
  }

  @Test
  void eachMissingRequirement_isNamed() throws Exception {
    String pg = "jdbc:postgresql://db/voxproof";
    assertThat(ProductionRequirements.unmet(server(false, pg), ops(true, true), env(SECRETS)))
        .containsExactly("TLS (--tls-cert and --tls-key)");
    assertThat(ProductionRequirements.unmet(server(true, null), ops(true, true), env(SECRETS)))
        .containsExactly("PostgreSQL (--db-url jdbc:postgresql://...)");
    assertThat(
            ProductionRequirements.unmet(
                server(true, "jdbc:sqlite:/tmp/x.db"), ops(true, true), env(SECRETS)))
        .containsExactly("PostgreSQL (--db-url jdbc:postgresql://...)");
    assertThat(ProductionRequirements.unmet(server(true, pg), ops(false, true), env(SECRETS)))
        .containsExactly("a speaker model (--speaker-model FILE.onnx)");
    assertThat(ProductionRequirements.unmet(server(true, pg), ops(true, false), env(SECRETS)))
        .containsExactly("an anti-spoofing model (--antispoof-model FILE.onnx)");
    OpsConfig missingFile =
        new OpsConfig(Profile.PRODUCTION, dir.resolve("nope.onnx"), 0.5, null, 0.5, false);
    assertThat(ProductionRequirements.unmet(server(true, pg), missingFile, env(SECRETS)))
        .contains("a readable --speaker-model (" + dir.resolve("nope.onnx") + ")");
    assertThat(
            ProductionRequirements.unmet(
                server(true, pg), ops(true, true), env("VOXPROOF_DB_PASSWORD", "pg")))
        .singleElement()
        .asString()
        .startsWith("a key-ring secret");
    assertThat(
            ProductionRequirements.unmet(
                server(true, pg),
                ops(true, true),
                env("VOXPROOF_KEYSTORE_PASSWORD", "short", "VOXPROOF_DB_PASSWORD", "pg")))
        .singleElement()
        .asString()
        .startsWith("a key-ring secret");
    assertThat(
            ProductionRequirements.unmet(
                server(true, pg),
                ops(true, true),
                env("VOXPROOF_KEYSTORE_PASSWORD", "a-long-operator-chosen-secret")))
        .containsExactly("a database password (VOXPROOF_DB_PASSWORD)");
  }

  @Test
  void serve_production_withNothing_exits2_oneLineListingEveryRequirement() {
    Path data = dir.resolve("data");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream real = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          VoxProof.execute(
              "serve", "--profile", "production", "--port", "0", "--data-dir", data.toString());
    } finally {
      System.setErr(real);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip().lines())
        .singleElement()
        .asString()
        .startsWith("voxproof: --profile production refuses to start; missing: TLS")
        .contains("PostgreSQL", "a speaker model", "an anti-spoofing model");
    assertThat(Files.exists(data)).isFalse();
  }
}

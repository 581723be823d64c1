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
  void serve_onlyUnbuiltService_refusedBeforeTouchingTheDataDir() {
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
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--only consent");
    assertThat(Files.exists(data)).isFalse();
  }
}

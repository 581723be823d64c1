package org.voxproof.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.embedded.EmbeddedLedger;

class LedgerCommandTest {
  @TempDir Path data;

  private String run(int expectedExit, String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      assertThat(VoxProof.execute(args)).isEqualTo(expectedExit);
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8).strip();
    return out.substring(out.lastIndexOf('\n') + 1);
  }

  private void fill() throws Exception {
    try (EmbeddedLedger l = EmbeddedLedger.builder(data).open()) {
      for (int i = 0; i < 5; i++) {
        l.append(LedgerRecord.erasure("erase-" + i, new byte[32], Instant.EPOCH));
      }
    }
  }

  @Test
  void verify_intactLog_exit0WithJson() throws Exception {
    fill();
    String json = run(0, "ledger", "verify", "--data-dir", data.toString());
    assertThat(json).contains("\"intact\":true").contains("\"entries\":5");
  }

  @Test
  void verify_tamperedEntry_exit1() throws Exception {
    fill();
    Path entries = data.resolve("ledger/entries");
    byte[] b = Files.readAllBytes(entries);
    b[b.length - 3] ^= 1;
    Files.write(entries, b);
    String json = run(1, "ledger", "verify", "--data-dir", data.toString());
    assertThat(json).contains("\"intact\":false").contains("\"corrupt\":true");
  }

  @Test
  void benchLedger_lastLineIsDurableAppendsPerSecond() throws Exception {
    String last = run(0, "bench", "ledger", "--data-dir", data.toString(), "--seconds", "0.2");
    assertThat(last).matches("\\d+ durable appends/s");
    assertThat(run(0, "ledger", "verify", "--data-dir", data.toString()))
        .contains("\"intact\":true");
  }
}

package org.voxproof.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.SignedCheckpoint;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.note.Checkpoint;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.ledger.note.SignedNote;
import org.voxproof.provenance.KeyRing;

class LedgerCommandTest {
  @TempDir Path data;

  /** What a command printed: its last stdout line and all of stderr. */
  private record Output(String lastLine, String err) {}

  private Output exec(int expectedExit, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(VoxProof.execute(args)).isEqualTo(expectedExit);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    String o = out.toString(StandardCharsets.UTF_8).strip();
    return new Output(
        o.substring(o.lastIndexOf('\n') + 1), err.toString(StandardCharsets.UTF_8).strip());
  }

  private String run(int expectedExit, String... args) {
    return exec(expectedExit, args).lastLine();
  }

  private String runErr(int expectedExit, String... args) {
    return exec(expectedExit, args).err();
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

  @Test
  void benchLedger_onALogSignedByAnotherKey_refusedAndKeyKept() throws Exception {
    NoteSigner operator = Ed25519NoteKeys.generate("operator.example/log"); // as serve's key ring
    try (EmbeddedLedger l = EmbeddedLedger.builder(data).signer(operator).open()) {
      l.append(LedgerRecord.erasure("erase-0", new byte[32], Instant.EPOCH));
    }
    Path vkey = data.resolve("ledger/checkpoint.vkey");
    String published = Files.readString(vkey);
    String err = runErr(2, "bench", "ledger", "--data-dir", data.toString(), "--seconds", "0.2");
    assertThat(err).startsWith("voxproof: this log is signed by " + published.strip());
    assertThat(Files.readString(vkey)).isEqualTo(published);
    assertThat(data.resolve("ledger/checkpoint.key")).doesNotExist();
    assertThat(run(0, "ledger", "verify", "--data-dir", data.toString()))
        .contains("\"intact\":true")
        .contains("\"entries\":1");
  }

  @Test
  @Timeout(120) // if serve wrongly started it would not return; not a timing assertion
  void serve_storedCheckpointSignedByAnotherKey_refusedLikeVerify() throws Exception {
    KeyRing ring = KeyRing.builder().dataDirectory(data).open();
    // the key ring's checkpoint signer, as serve names it
    String origin = EmbeddedLedger.newOrigin();
    NoteSigner operator = ring.checkpointSigner(origin);
    SignedCheckpoint cp;
    try (EmbeddedLedger l = EmbeddedLedger.builder(data).signer(operator).open()) {
      cp = l.append(LedgerRecord.erasure("erase-0", new byte[32], Instant.EPOCH)).checkpoint();
    }
    // the same head, signed by a stranger, stored as a log of the previous layout stores it
    NoteSigner stranger = Ed25519NoteKeys.generate(cp.origin());
    String body = new Checkpoint(cp.origin(), cp.size(), cp.rootHash(), List.of()).body();
    Files.delete(data.resolve("ledger/checkpoints"));
    Files.writeString(data.resolve("ledger/checkpoint"), SignedNote.sign(body, stranger).text());
    String refused =
        "the stored checkpoint does not verify: unknown_key: no signature by a trusted key";
    assertThat(runErr(2, "serve", "--port", "0", "--data-dir", data.toString()))
        .isEqualTo("voxproof: " + refused);
    assertThat(run(1, "ledger", "verify", "--data-dir", data.toString()))
        .contains("\"error\":\"" + refused + "\"");
  }
}

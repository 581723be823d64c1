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
import org.voxproof.ledger.LedgerJson;
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
    // serve's JSON log lines (the database migration) may precede it; the refusal is the last line
    String err = runErr(2, "serve", "--port", "0", "--data-dir", data.toString()).strip();
    assertThat(err.substring(err.lastIndexOf('\n') + 1)).isEqualTo("voxproof: " + refused);
    assertThat(run(1, "ledger", "verify", "--data-dir", data.toString()))
        .contains("\"error\":\"" + refused + "\"");
  }

  @Test
  void entry_printsTheRoutesJsonFromLedgerJson() throws Exception {
    fill();
    String expected;
    try (EmbeddedLedger l = EmbeddedLedger.builder(data).open()) {
      expected = Json.line(LedgerJson.entry(l.entry(3)));
    }
    assertThat(run(0, "ledger", "entry", "--data-dir", data.toString(), "3")).isEqualTo(expected);
    assertThat(expected).startsWith("{\"index\":3,\"leafHash\":");
  }

  @Test
  void entry_beyondTheCheckpoint_exit1_badIndexOrNoLedger_exit2() throws Exception {
    fill();
    assertThat(runErr(1, "ledger", "entry", "--data-dir", data.toString(), "5"))
        .isEqualTo("voxproof: ledger entry: no entry 5 (log size 5)");
    assertThat(runErr(2, "ledger", "entry", "--data-dir", data.toString(), "--", "-1"))
        .contains("INDEX must not be negative");
    assertThat(runErr(2, "ledger", "entry", "--data-dir", data.toString(), "x")).contains("'x'");
    assertThat(
            runErr(2, "ledger", "entry", "--data-dir", data.toString(), "99999999999999999999999"))
        .isNotEmpty();
    assertThat(runErr(2, "ledger", "entry", "--data-dir", data.resolve("none").toString(), "0"))
        .startsWith("voxproof: no ledger in ");
  }

  @Test
  void entry_damagedLog_exit2() throws Exception {
    fill();
    Path entries = data.resolve("ledger/entries");
    byte[] b = Files.readAllBytes(entries);
    b[b.length - 3] ^= 1;
    Files.write(entries, b);
    assertThat(runErr(2, "ledger", "entry", "--data-dir", data.toString(), "0"))
        .startsWith("voxproof: ");
  }

  @Test
  void checkpoint_printsTheVerifiedNoteVerbatim() throws Exception {
    fill();
    String note;
    try (EmbeddedLedger l = EmbeddedLedger.builder(data).open()) {
      note = l.latestCheckpoint().note();
    }
    PrintStream oldOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(VoxProof.execute("ledger", "checkpoint", "--data-dir", data.toString())).isZero();
    } finally {
      System.setOut(oldOut);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(note);
  }

  @Test
  void checkpoint_signedByAnotherKey_exit2() throws Exception {
    fill();
    Files.writeString(
        data.resolve("ledger/checkpoint.vkey"),
        Ed25519NoteKeys.generate("other").verifier().verifierKey());
    assertThat(runErr(2, "ledger", "checkpoint", "--data-dir", data.toString()))
        .startsWith("voxproof: ");
  }

  @Test
  void lookup_byWatermark_foundNotFoundAndBadHex() throws Exception {
    LedgerRecord r =
        LedgerRecord.synthesis(
            "m-1",
            new byte[] {1, 2, 3, 4},
            new byte[32],
            new byte[32],
            new byte[32],
            "lic",
            "espeak-ng",
            Instant.EPOCH);
    String expected;
    try (EmbeddedLedger l = EmbeddedLedger.builder(data).open()) {
      l.append(r);
      expected = Json.line(LedgerJson.entry(l.entry(0)));
    }
    String dir = data.toString();
    assertThat(run(0, "ledger", "lookup", "--data-dir", dir, "--watermark", "01020304"))
        .isEqualTo(expected);
    assertThat(runErr(1, "ledger", "lookup", "--data-dir", dir, "--watermark", "01020305"))
        .isEqualTo("voxproof: ledger lookup: no record with this watermark");
    assertThat(runErr(2, "ledger", "lookup", "--data-dir", dir, "--watermark", "0g"))
        .contains("--watermark must be 1 to 32 bytes in hex");
    assertThat(runErr(2, "ledger", "lookup", "--data-dir", dir, "--watermark", "ab".repeat(33)))
        .contains("--watermark must be 1 to 32 bytes in hex");
  }
}

package org.voxproof.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.AppendResult;
import org.voxproof.ledger.LedgerCorruptException;
import org.voxproof.ledger.LedgerIdentityException;
import org.voxproof.ledger.SignedCheckpoint;
import org.voxproof.ledger.TestRecords;
import org.voxproof.ledger.merkle.MerkleVerifier;
import org.voxproof.ledger.note.Checkpoint;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.ledger.note.SignedNote;

/**
 * The signed checkpoint is the log's promise: stored before an append is acknowledged, handed to
 * the caller, checked against the log's key on every open, and the key is never replaced.
 */
class CheckpointDurabilityTest {
  private static final String ORIGIN = "durable.example/log";

  @TempDir Path data;

  private EmbeddedLedger open() throws Exception {
    return EmbeddedLedger.builder(data).origin(ORIGIN).open();
  }

  private SignedCheckpoint stored() throws Exception {
    return CheckpointPublisher.readVerified(
            LedgerDir.of(data), ORIGIN, CheckpointKeys.publishedVerifier(data))
        .checkpoint();
  }

  @Test
  void append_acknowledged_storedCheckpointAlreadyCoversIt() throws Exception {
    List<String> failures = new CopyOnWriteArrayList<>();
    AtomicInteger next = new AtomicInteger();
    try (EmbeddedLedger l = open()) {
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread w =
            new Thread(
                () -> {
                  try {
                    for (int n = next.getAndIncrement(); n < 400; n = next.getAndIncrement()) {
                      AppendResult r = l.append(TestRecords.synthesis(n));
                      long storedSize = stored().size(); // read back from disk after the ack
                      if (storedSize <= r.index() || r.checkpoint().size() <= r.index()) {
                        failures.add(r.index() + " acknowledged, stored size " + storedSize);
                      }
                    }
                  } catch (Exception e) {
                    failures.add(e.toString());
                  }
                });
        writers.add(w);
        w.start();
      }
      for (Thread w : writers) {
        w.join();
      }
    }
    assertThat(failures).isEmpty();
    assertThat(stored().size()).isEqualTo(400);
  }

  @Test
  void appendResult_checkpoint_isSignedAndProvesTheEntry() throws Exception {
    try (EmbeddedLedger l = open()) {
      for (int i = 0; i < 6; i++) {
        l.append(TestRecords.synthesis(i));
      }
      AppendResult r = l.append(TestRecords.synthesis(6));
      SignedCheckpoint cp = r.checkpoint();
      Checkpoint body =
          Checkpoint.parse(
              SignedNote.open(cp.note(), List.of(CheckpointKeys.publishedVerifier(data))).body());
      assertThat(body.size()).isEqualTo(7).isEqualTo(cp.size());
      assertThat(body.rootHash()).isEqualTo(cp.rootHash());
      var proof = l.inclusionProof(r.index(), cp.size());
      MerkleVerifier.verifyInclusion(
          r.index(), cp.size(), proof.leafHash(), proof.hashes(), cp.rootHash());
      assertThat(cp.note()).isEqualTo(StoredCheckpoints.newest(data));
    }
  }

  @Test
  void open_storedCheckpointSignedByAnotherKey_refusedLikeVerify() throws Exception {
    SignedCheckpoint cp;
    try (EmbeddedLedger l = open()) {
      cp = l.append(TestRecords.synthesis(0)).checkpoint();
    }
    NoteSigner other = Ed25519NoteKeys.generate(ORIGIN);
    String body = new Checkpoint(ORIGIN, cp.size(), cp.rootHash(), List.of()).body();
    StoredCheckpoints.replaceNewest(data, SignedNote.sign(body, other).text());
    String unknownKey =
        "the stored checkpoint does not verify: unknown_key: no signature by a" + " trusted key";
    assertThatThrownBy(this::open)
        .isInstanceOf(LedgerCorruptException.class)
        .hasMessage(unknownKey);
    assertThatThrownBy(() -> LogVerifier.verify(data))
        .isInstanceOf(LedgerCorruptException.class)
        .hasMessage(unknownKey);
  }

  @Test
  void open_withAnotherKeyThanTheLogs_refusedAndKeyKept() throws Exception {
    NoteSigner operator = Ed25519NoteKeys.generate(ORIGIN); // as `serve` with the key ring
    try (EmbeddedLedger l = EmbeddedLedger.builder(data).signer(operator).open()) {
      l.append(TestRecords.synthesis(0));
    }
    Path vkey = data.resolve("ledger/checkpoint.vkey");
    String published = Files.readString(vkey);
    // as `bench ledger --data-dir` on a serve directory: no signer, so the log's own key
    assertThatThrownBy(this::open)
        .isInstanceOf(LedgerIdentityException.class)
        .hasMessageStartingWith("this log is signed by " + published.strip() + ", a key that is");
    NoteSigner stranger = Ed25519NoteKeys.generate(ORIGIN);
    assertThatThrownBy(() -> EmbeddedLedger.builder(data).signer(stranger).open())
        .isInstanceOf(LedgerIdentityException.class)
        .hasMessage(
            "this log's checkpoint key is "
                + published.strip()
                + ", not "
                + stranger.verifier().verifierKey()
                + ": the checkpoint key is the log's identity and is never replaced");
    assertThat(Files.readString(vkey)).isEqualTo(published);
    assertThat(data.resolve("ledger/checkpoint.key")).doesNotExist();
    assertThat(LogVerifier.verify(data).entries()).isEqualTo(1);
    try (EmbeddedLedger l = EmbeddedLedger.builder(data).signer(operator).open()) {
      assertThat(l.size()).isEqualTo(1);
    }
  }

  @Test
  void open_newestSlotTorn_previousCheckpointIsTheFloor() throws Exception {
    try (EmbeddedLedger l = open()) {
      for (int i = 0; i < 5; i++) {
        l.append(TestRecords.synthesis(i));
      }
    }
    StoredCheckpoints.write(data, StoredCheckpoints.newestSlot(data), new byte[] {'V', 'X', 1});
    assertThat(stored().size()).isEqualTo(4);
    try (EmbeddedLedger l = open()) {
      assertThat(l.size()).isEqualTo(5);
      assertThat(l.latestCheckpoint().size()).isEqualTo(5);
    }
    assertThat(LogVerifier.verify(data).checkpointSize()).isEqualTo(5);
  }

  @Test
  void open_noIntactCheckpoint_refused() throws Exception {
    try (EmbeddedLedger l = open()) {
      l.append(TestRecords.synthesis(0));
    }
    StoredCheckpoints.write(data, 0, new byte[CheckpointFile.SLOT * 2]);
    assertThatThrownBy(this::open)
        .isInstanceOf(LedgerCorruptException.class)
        .hasMessage("no intact checkpoint in " + data.resolve("ledger/checkpoints"));
    Files.delete(data.resolve("ledger/checkpoints"));
    assertThatThrownBy(this::open)
        .isInstanceOf(LedgerCorruptException.class)
        .hasMessage("the log has 1 entries but no stored checkpoint");
    assertThatThrownBy(() -> LogVerifier.verify(data))
        .isInstanceOf(LedgerCorruptException.class)
        .hasMessage("the log has 1 entries but no stored checkpoint");
  }

  @Test
  void open_logWithTheOldTextCheckpoint_readsItAndMovesToSlots() throws Exception {
    try (EmbeddedLedger l = open()) {
      for (int i = 0; i < 3; i++) {
        l.append(TestRecords.synthesis(i));
      }
    }
    Files.writeString(data.resolve("ledger/checkpoint"), StoredCheckpoints.newest(data));
    Files.delete(data.resolve("ledger/checkpoints"));
    assertThat(LogVerifier.verify(data).checkpointSize()).isEqualTo(3);
    try (EmbeddedLedger l = open()) {
      l.append(TestRecords.synthesis(3));
    }
    assertThat(data.resolve("ledger/checkpoint")).doesNotExist();
    assertThat(LogVerifier.verify(data).checkpointSize()).isEqualTo(4);
  }
}

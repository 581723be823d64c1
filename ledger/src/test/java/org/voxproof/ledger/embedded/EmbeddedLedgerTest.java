package org.voxproof.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.AppendResult;
import org.voxproof.ledger.LedgerConflictException;
import org.voxproof.ledger.LedgerCorruptException;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.LedgerIdentityException;
import org.voxproof.ledger.LedgerNotFoundException;
import org.voxproof.ledger.LedgerRangeException;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.SignedCheckpoint;
import org.voxproof.ledger.TestRecords;
import org.voxproof.ledger.TlogProofEvidence;
import org.voxproof.ledger.merkle.MerkleVerifier;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.ledger.note.NoteVerifier;
import org.voxproof.ledger.note.TlogProofVerifier;

class EmbeddedLedgerTest {
  @TempDir Path data;

  private EmbeddedLedger open() throws Exception {
    return EmbeddedLedger.builder(data).origin("test.example/log").open();
  }

  private static void fill(EmbeddedLedger l, int from, int to) throws Exception {
    for (int i = from; i < to; i++) {
      l.append(TestRecords.synthesis(i));
    }
  }

  @Test
  void append_thenLookups_findTheRecord() throws Exception {
    try (EmbeddedLedger l = open()) {
      fill(l, 0, 5);
      LedgerRecord r = TestRecords.synthesis(3);
      assertThat(l.findById("manifest-3").orElseThrow().index()).isEqualTo(3);
      assertThat(l.findByWatermark(r.watermark()).orElseThrow().record()).isEqualTo(r);
      assertThat(l.findById("nope")).isEmpty();
      assertThat(l.entry(4).record()).isEqualTo(TestRecords.synthesis(4));
      assertThatThrownBy(() -> l.entry(5)).isInstanceOf(LedgerNotFoundException.class);
    }
  }

  @Test
  void findByCommitment_afterReopen_everyRecordOfThatConsentInOrder() throws Exception {
    byte[] commitment = TestRecords.synthesis(2).consentCommitment();
    try (EmbeddedLedger l = open()) {
      fill(l, 0, 4);
      l.append(LedgerRecord.revocation("revoke-2", commitment, Instant.ofEpochMilli(1)));
      l.recordErasure("erase-2", commitment, Instant.ofEpochMilli(2));
    }
    try (EmbeddedLedger l = open()) { // the index is rebuilt from the log
      assertThat(l.findByCommitment(commitment))
          .extracting(e -> e.record().id())
          .containsExactly("manifest-2", "revoke-2", "erase-2");
      assertThat(l.findByCommitment(new byte[32])).isEmpty();
    }
  }

  @Test
  void append_sameRecordTwice_returnsFirstIndex() throws Exception {
    try (EmbeddedLedger l = open()) {
      fill(l, 0, 3);
      AppendResult again = l.append(TestRecords.synthesis(1));
      assertThat(again.index()).isEqualTo(1);
      assertThat(again.alreadyPresent()).isTrue();
      assertThat(again.checkpoint().size()).isEqualTo(3);
      assertThat(l.size()).isEqualTo(3);
    }
  }

  @Test
  void append_sameIdOtherContent_conflict() throws Exception {
    try (EmbeddedLedger l = open()) {
      fill(l, 0, 2);
      LedgerRecord other =
          LedgerRecord.synthesis(
              "manifest-1",
              new byte[] {9},
              new byte[32],
              new byte[32],
              new byte[32],
              "x",
              "y",
              Instant.EPOCH);
      assertThatThrownBy(() -> l.append(other))
          .isInstanceOf(LedgerConflictException.class)
          .hasMessageContaining("manifest-1");
    }
  }

  @Test
  void append_watermarkTaken_conflict() throws Exception {
    try (EmbeddedLedger l = open()) {
      fill(l, 0, 2);
      LedgerRecord r = TestRecords.synthesis(1);
      LedgerRecord clash =
          LedgerRecord.synthesis(
              "manifest-other",
              r.watermark(),
              new byte[32],
              new byte[32],
              new byte[32],
              "",
              "",
              Instant.EPOCH);
      assertThatThrownBy(() -> l.append(clash))
          .isInstanceOf(LedgerConflictException.class)
          .hasMessageContaining("watermark");
    }
  }

  @Test
  void evidence_verifiesOffline_andTamperedEvidenceIsRejected() throws Exception {
    try (EmbeddedLedger l = open()) {
      fill(l, 0, 11);
      TlogProofEvidence ev = (TlogProofEvidence) l.evidence("manifest-6");
      TlogProofVerifier v =
          TlogProofVerifier.builder()
              .origin("test.example/log")
              .trust(CheckpointKeys.publishedVerifier(data))
              .build();
      byte[] entry = TestRecords.synthesis(6).encode();
      assertThat(v.verifyEntry(ev.tlogProof(), entry).index()).isEqualTo(6);
      assertThatThrownBy(() -> v.verifyEntry(ev.tlogProof(), TestRecords.synthesis(5).encode()))
          .isInstanceOf(ProofVerificationException.class);
      String otherIndex = ev.tlogProof().replace("index 6\n", "index 7\n");
      assertThatThrownBy(() -> v.verifyEntry(otherIndex, entry))
          .isInstanceOf(ProofVerificationException.class);
    }
  }

  @Test
  void signer_operatorKeySignsCheckpoints_andNamesANewLog() throws Exception {
    java.security.KeyPair operator =
        java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    NoteSigner signer =
        Ed25519NoteKeys.fromPrivateKey("operator.example/log", operator.getPrivate());
    assertThat(EmbeddedLedger.storedOrigin(data)).isEmpty();
    try (EmbeddedLedger l = EmbeddedLedger.builder(data).signer(signer).open()) {
      assertThat(l.origin()).isEqualTo("operator.example/log");
      fill(l, 0, 3);
      TlogProofEvidence ev = (TlogProofEvidence) l.evidence("manifest-1");
      TlogProofVerifier byOperatorKey =
          TlogProofVerifier.builder()
              .origin("operator.example/log")
              .trust(Ed25519NoteKeys.fromPublicKey("operator.example/log", operator.getPublic()))
              .build();
      assertThat(
              byOperatorKey.verifyEntry(ev.tlogProof(), TestRecords.synthesis(1).encode()).index())
          .isEqualTo(1);
      assertThat(Files.exists(data.resolve("ledger/checkpoint.key"))).isFalse();
    }
    assertThat(EmbeddedLedger.storedOrigin(data)).contains("operator.example/log");
  }

  @Test
  void signer_namedOtherThanTheStoredOrigin_refused() throws Exception {
    open().close();
    NoteSigner other = Ed25519NoteKeys.generate("other.example/log");
    assertThatThrownBy(() -> EmbeddedLedger.builder(data).signer(other).open())
        .isInstanceOf(LedgerIdentityException.class)
        .hasMessage("this log's origin is test.example/log, not other.example/log");
    assertThatThrownBy(
            () -> EmbeddedLedger.builder(data).origin("test.example/log").signer(other).open())
        .isInstanceOf(LedgerIdentityException.class)
        .hasMessage(
            "the checkpoint key is named other.example/log, not after the origin test.example/log");
  }

  @Test
  void proofs_matchCheckpoint_andBadRangesAreRefused() throws Exception {
    try (EmbeddedLedger l = open()) {
      fill(l, 0, 9);
      SignedCheckpoint cp = l.latestCheckpoint();
      assertThat(cp.size()).isEqualTo(9);
      var p = l.inclusionProof(4, 9);
      MerkleVerifier.verifyInclusion(4, 9, p.leafHash(), p.hashes(), cp.rootHash());
      fill(l, 9, 20);
      var c = l.consistencyProof(9, 20);
      MerkleVerifier.verifyConsistency(
          9, 20, c.hashes(), cp.rootHash(), l.latestCheckpoint().rootHash());
      assertThatThrownBy(() -> l.inclusionProof(9, 9)).isInstanceOf(LedgerRangeException.class);
      assertThatThrownBy(() -> l.inclusionProof(0, 21)).isInstanceOf(LedgerRangeException.class);
      assertThatThrownBy(() -> l.consistencyProof(0, 5)).isInstanceOf(LedgerRangeException.class);
      assertThatThrownBy(() -> l.consistencyProof(6, 5)).isInstanceOf(LedgerRangeException.class);
    }
  }

  @Test
  void appendAsync_concurrentWriters_allDurableAndDistinct() throws Exception {
    try (EmbeddedLedger l = open()) {
      List<CompletableFuture<AppendResult>> fs = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        fs.add(l.appendAsync(TestRecords.synthesis(i)).toCompletableFuture());
      }
      CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).get();
      assertThat(fs.stream().map(f -> f.join().index()).distinct().count()).isEqualTo(2000);
    }
    assertThat(LogVerifier.verify(data).entries()).isEqualTo(2000);
  }

  @Test
  void append_afterClose_refusedNotHung() throws Exception {
    EmbeddedLedger l = open();
    fill(l, 0, 1);
    l.close();
    assertThatThrownBy(() -> l.append(TestRecords.synthesis(1)))
        .isInstanceOf(LedgerStorageException.class)
        .hasMessageContaining("closed");
  }

  @Test
  @Timeout(120) // guards against the hang this test is about; not a timing assertion
  void append_whenSignerFails_failsFastAndLogsNothing() throws Exception {
    NoteSigner real = Ed25519NoteKeys.generate("test.example/log");
    AtomicInteger signatures = new AtomicInteger();
    NoteSigner failing =
        new NoteSigner() {
          @Override
          public String name() {
            return real.name();
          }

          @Override
          public int keyId() {
            return real.keyId();
          }

          @Override
          public byte[] sign(byte[] message) {
            if (signatures.incrementAndGet() > 1) {
              throw new IllegalStateException("HSM unplugged");
            }
            return real.sign(message);
          }

          @Override
          public NoteVerifier verifier() {
            return real.verifier();
          }
        };
    try (EmbeddedLedger l =
        EmbeddedLedger.builder(data).origin("test.example/log").signer(failing).open()) {
      assertThatThrownBy(() -> l.append(TestRecords.synthesis(1)))
          .isInstanceOf(LedgerStorageException.class)
          .hasMessage("cannot sign a checkpoint; nothing was logged")
          .hasRootCauseMessage("HSM unplugged");
      assertThatThrownBy(() -> l.append(TestRecords.synthesis(2)))
          .isInstanceOf(LedgerStorageException.class);
      assertThat(l.size()).isZero();
      assertThat(l.findById("manifest-1")).isEmpty();
    }
    assertThat(Files.size(data.resolve("ledger/entries"))).isEqualTo(EntryFile.HEADER.length);
    assertThat(LogVerifier.verify(data).entries()).isZero();
  }

  @Test
  void entry_readerInterrupted_writerAndOtherReadersUnaffected() throws Exception {
    try (EmbeddedLedger l = open()) {
      fill(l, 0, 3);
      AtomicReference<Exception> caught = new AtomicReference<>();
      Thread reader =
          new Thread(
              () -> {
                Thread.currentThread().interrupt();
                try {
                  l.entry(1);
                } catch (LedgerException e) {
                  caught.set(e);
                }
              });
      reader.start();
      reader.join();
      assertThat(caught.get()).isInstanceOf(LedgerStorageException.class);
      fill(l, 3, 5);
      assertThat(l.entry(4).record()).isEqualTo(TestRecords.synthesis(4));
      assertThat(l.entry(1).record()).isEqualTo(TestRecords.synthesis(1));
    }
    assertThat(LogVerifier.verify(data).entries()).isEqualTo(5);
  }

  @Test
  void reopen_keepsEntriesAndVerifies() throws Exception {
    try (EmbeddedLedger l = open()) {
      fill(l, 0, 7);
    }
    try (EmbeddedLedger l = open()) {
      assertThat(l.size()).isEqualTo(7);
      assertThat(l.recoveredTailBytes()).isZero();
      fill(l, 7, 9);
      assertThat(l.findById("manifest-8")).isPresent();
    }
    LogVerifier.Report r = LogVerifier.verify(data);
    assertThat(r.entries()).isEqualTo(9);
    assertThat(r.checkpointSize()).isEqualTo(9);
  }

  @Test
  void open_secondWriter_refused_butVerifierReads() throws Exception {
    try (EmbeddedLedger l = open()) {
      fill(l, 0, 3);
      assertThatThrownBy(this::open).isInstanceOf(LedgerStorageException.class);
      assertThat(LogVerifier.verify(data).entries()).isEqualTo(3);
    }
  }

  @Test
  void verify_whileWriterAppends_neverReportsDamage() throws Exception {
    try (EmbeddedLedger l = open()) {
      Thread writer =
          new Thread(
              () -> {
                List<CompletableFuture<AppendResult>> fs = new ArrayList<>();
                for (int i = 0; i < 20_000; i++) {
                  fs.add(l.appendAsync(TestRecords.synthesis(i)).toCompletableFuture());
                }
                fs.forEach(CompletableFuture::join);
              });
      writer.start();
      long last = 0;
      for (int i = 0; i < 15; i++) {
        LogVerifier.Report r = LogVerifier.verify(data);
        assertThat(r.entries()).isGreaterThanOrEqualTo(last);
        last = r.entries();
      }
      writer.join();
    }
    assertThat(LogVerifier.verify(data).entries()).isEqualTo(20_000);
  }

  @Test
  void open_tornTail_cutAndLogVerifies() throws Exception {
    try (EmbeddedLedger l = open()) {
      fill(l, 0, 5);
    }
    Path entries = data.resolve("ledger/entries");
    long good = Files.size(entries);
    byte[] frame = new byte[40];
    ByteBuffer.wrap(frame).putInt(300).putInt(1234);
    Files.write(entries, frame, StandardOpenOption.APPEND);
    assertThat(LogVerifier.verify(data).pendingTailBytes()).isEqualTo(40);
    try (EmbeddedLedger l = open()) {
      assertThat(l.recoveredTailBytes()).isEqualTo(40);
      assertThat(l.size()).isEqualTo(5);
      fill(l, 5, 6);
    }
    assertThat(Files.size(entries)).isGreaterThan(good);
    assertThat(LogVerifier.verify(data).entries()).isEqualTo(6);
  }

  @Test
  void open_halfWrittenLastEntry_cut() throws Exception {
    try (EmbeddedLedger l = open()) {
      fill(l, 0, 4);
    }
    Path entries = data.resolve("ledger/entries");
    byte[] all = Files.readAllBytes(entries);
    try (EmbeddedLedger l = open()) {
      fill(l, 4, 5);
    }
    byte[] withFifth = Files.readAllBytes(entries);
    // as if the process died while writing entry 4, before its checkpoint was stored
    StoredCheckpoints.write(data, StoredCheckpoints.newestSlot(data), new byte[64]);
    Files.write(entries, java.util.Arrays.copyOf(withFifth, withFifth.length - 10));
    try (EmbeddedLedger l = open()) {
      assertThat(l.size()).isEqualTo(4);
      assertThat(l.recoveredTailBytes()).isEqualTo(withFifth.length - 10 - all.length);
    }
    assertThat(LogVerifier.verify(data).entries()).isEqualTo(4);
  }

  @Test
  void open_entryLostBelowCheckpoint_refused() throws Exception {
    try (EmbeddedLedger l = open()) {
      fill(l, 0, 4);
    }
    Path entries = data.resolve("ledger/entries");
    try (FileChannel ch = FileChannel.open(entries, StandardOpenOption.WRITE)) {
      ch.truncate(Files.size(entries) - 10);
    }
    assertThatThrownBy(this::open)
        .isInstanceOf(LedgerCorruptException.class)
        .hasMessageContaining("acknowledged entries are missing");
    assertThatThrownBy(() -> LogVerifier.verify(data)).isInstanceOf(LedgerCorruptException.class);
  }

  @Test
  void open_flippedByteInMiddle_refused() throws Exception {
    try (EmbeddedLedger l = open()) {
      fill(l, 0, 6);
    }
    Path entries = data.resolve("ledger/entries");
    byte[] all = Files.readAllBytes(entries);
    all[EntryFile.HEADER.length + 30] ^= 0x40;
    Files.write(entries, all);
    assertThatThrownBy(this::open)
        .isInstanceOf(LedgerCorruptException.class)
        .hasMessageContaining("followed by valid entries");
    assertThatThrownBy(() -> LogVerifier.verify(data)).isInstanceOf(LedgerCorruptException.class);
  }

  @Test
  void verify_tamperedCheckpointSignature_refused() throws Exception {
    try (EmbeddedLedger l = open()) {
      fill(l, 0, 3);
    }
    StoredCheckpoints.replaceNewest(
        data, StoredCheckpoints.newest(data).replaceFirst("\n3\n", "\n2\n"));
    assertThatThrownBy(() -> LogVerifier.verify(data))
        .isInstanceOf(LedgerCorruptException.class)
        .hasMessageContaining("does not verify");
    assertThatThrownBy(this::open)
        .isInstanceOf(LedgerCorruptException.class)
        .hasMessage(
            "the stored checkpoint does not verify: bad_signature: invalid signature by"
                + " test.example/log");
  }
}

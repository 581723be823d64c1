package org.voxproof.ledger.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.voxproof.ledger.LedgerCorruptException;
import org.voxproof.ledger.SignedCheckpoint;
import org.voxproof.ledger.merkle.ProofVerificationException;
import org.voxproof.ledger.note.Checkpoint;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.ledger.note.SignedNote;

/**
 * Signs a C2SP checkpoint after every batch and rewrites {@code checkpoint} at most every few
 * hundred milliseconds. The stored checkpoint is also the recovery floor: entries it covers were
 * acknowledged, so losing or changing any of them is corruption, not a torn tail.
 */
final class CheckpointPublisher {
  private static final System.Logger LOG = System.getLogger(CheckpointPublisher.class.getName());

  private final LedgerDir dir;
  private final String origin;
  private final NoteSigner signer;
  private final LogState state;
  private final long intervalMillis;
  private volatile SignedCheckpoint latest;
  private long persistedSize = -1;
  private long lastPersist;

  CheckpointPublisher(
      LedgerDir dir, String origin, NoteSigner signer, LogState state, long intervalMillis) {
    this.dir = dir;
    this.origin = origin;
    this.signer = signer;
    this.state = state;
    this.intervalMillis = intervalMillis;
  }

  /** Writer thread, after a batch is durable and published. */
  void afterCommit() {
    latest = sign(state.size());
  }

  SignedCheckpoint latest() {
    return latest;
  }

  /** A checkpoint whose tree holds {@code index}. */
  SignedCheckpoint covering(long index) {
    SignedCheckpoint cp = latest;
    return index < cp.size() ? cp : sign(state.size());
  }

  /** Writer thread: rewrites the checkpoint file if it is stale and the interval has passed. */
  void maybePersist() {
    long now = System.currentTimeMillis();
    if (latest.size() != persistedSize && now - lastPersist >= intervalMillis) {
      try {
        persist();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot write the checkpoint file: {0}", e.toString());
      }
      lastPersist = now;
    }
  }

  void persist() throws IOException {
    SignedCheckpoint cp = latest;
    dir.writeAtomically(dir.checkpoint(), cp.note(), false);
    persistedSize = cp.size();
  }

  // SPEC: C2SP tlog-checkpoint: origin, size, base64 root, signed as a C2SP signed-note.
  private SignedCheckpoint sign(long size) {
    byte[] root = state.tree.root(size);
    String body = new Checkpoint(origin, size, root, java.util.List.of()).body();
    return new SignedCheckpoint(origin, size, root, SignedNote.sign(body, signer).text());
  }

  /** The checkpoint stored in the data directory, or null. */
  static SignedCheckpoint readStored(LedgerDir dir) throws LedgerCorruptException, IOException {
    if (!Files.exists(dir.checkpoint())) {
      return null;
    }
    String text = Files.readString(dir.checkpoint(), StandardCharsets.UTF_8);
    try {
      Checkpoint cp = Checkpoint.parse(SignedNote.parse(text).body());
      return new SignedCheckpoint(cp.origin(), cp.size(), cp.rootHash(), text);
    } catch (ProofVerificationException e) {
      throw new LedgerCorruptException("the stored checkpoint is malformed", e);
    }
  }

  /** Fails unless the replayed log still holds the stored checkpoint's tree. */
  static void checkFloor(SignedCheckpoint floor, LogState state) throws LedgerCorruptException {
    if (floor == null) {
      return;
    }
    if (state.size() < floor.size()) {
      throw new LedgerCorruptException(
          "the log has "
              + state.size()
              + " entries but its checkpoint commits to "
              + floor.size()
              + ": acknowledged entries are missing");
    }
    if (!Arrays.equals(state.tree.root(floor.size()), floor.rootHash())) {
      throw new LedgerCorruptException(
          "the entries no longer hash to the checkpoint root at size " + floor.size());
    }
  }
}

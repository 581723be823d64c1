package org.voxproof.ledger.embedded;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.voxproof.ledger.LedgerCorruptException;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.SignedCheckpoint;
import org.voxproof.ledger.note.Checkpoint;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.ledger.note.NoteVerifier;
import org.voxproof.ledger.note.SignedNote;

/**
 * Signs one C2SP checkpoint per group commit and stores it ({@link CheckpointFile}) before the
 * batch is acknowledged, so the stored checkpoint never trails an acknowledged entry. The stored
 * checkpoint is also the recovery floor: losing or changing any entry it covers is corruption, not
 * a torn tail.
 */
final class CheckpointPublisher implements AutoCloseable {
  private final String origin;
  private final NoteSigner signer;
  private final CheckpointFile file;
  private SignedCheckpoint latest;

  CheckpointPublisher(String origin, NoteSigner signer, CheckpointFile file) {
    this.origin = origin;
    this.signer = signer;
    this.file = file;
  }

  // SPEC: C2SP tlog-checkpoint: origin, size, base64 root, signed as a C2SP signed-note.
  /**
   * Signs the head of size {@code size} with root {@code root}; may throw what the signer throws.
   */
  SignedCheckpoint sign(long size, byte[] root) {
    String body = new Checkpoint(origin, size, root, List.of()).body();
    return new SignedCheckpoint(origin, size, root, SignedNote.sign(body, signer).text());
  }

  /** Writer: stores {@code cp} durably. */
  void store(SignedCheckpoint cp) throws IOException {
    file.store(cp.note());
  }

  /**
   * Writer: makes a stored checkpoint and the entries it covers visible together ({@code
   * publishEntries} first), so that {@link #covering} never sees one without the other.
   */
  synchronized void publish(SignedCheckpoint cp, Runnable publishEntries) {
    publishEntries.run();
    latest = cp;
  }

  synchronized SignedCheckpoint latest() {
    return latest;
  }

  /** The latest checkpoint; it covers every published entry. */
  synchronized SignedCheckpoint covering(long index) {
    if (index >= latest.size()) {
      throw new IllegalStateException("entry " + index + " is not published");
    }
    return latest;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }

  /**
   * Reads the stored checkpoints and checks each: a valid signature by {@code key}, the log's
   * origin. Returns the newest, or null when the log has none.
   */
  static Stored readVerified(LedgerDir dir, String origin, NoteVerifier key)
      throws IOException, LedgerCorruptException {
    List<CheckpointFile.Slot> slots = CheckpointFile.read(dir);
    SignedCheckpoint newest = null;
    for (CheckpointFile.Slot s : slots) {
      SignedCheckpoint cp = verify(s.note(), origin, key);
      newest = newest == null ? cp : newest;
    }
    return newest == null ? null : new Stored(newest, slots.get(0));
  }

  /** The newest stored checkpoint and the slot it is in. */
  record Stored(SignedCheckpoint checkpoint, CheckpointFile.Slot slot) {}

  private static SignedCheckpoint verify(String text, String origin, NoteVerifier key)
      throws LedgerCorruptException {
    try {
      Checkpoint cp = Checkpoint.parse(SignedNote.open(text, List.of(key)).body());
      if (!cp.origin().equals(origin)) {
        throw new LedgerCorruptException("checkpoint origin " + cp.origin() + " is not " + origin);
      }
      return new SignedCheckpoint(cp.origin(), cp.size(), cp.rootHash(), text);
    } catch (ProofVerificationException e) {
      throw new LedgerCorruptException(
          "the stored checkpoint does not verify: " + e.getMessage(), e);
    }
  }

  /** Fails unless the replayed log still holds the stored checkpoint's tree. */
  static void checkFloor(SignedCheckpoint floor, LogState state) throws LedgerCorruptException {
    if (floor == null) {
      if (state.size() > 0) {
        throw new LedgerCorruptException(
            "the log has " + state.size() + " entries but no stored checkpoint");
      }
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

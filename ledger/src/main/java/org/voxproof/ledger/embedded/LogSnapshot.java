package org.voxproof.ledger.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.voxproof.ledger.LedgerCorruptException;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.LedgerNotFoundException;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.ledger.SignedCheckpoint;
import org.voxproof.ledger.note.NoteVerifier;

/**
 * A read-only view of an embedded log as its files stand, without the writer lock (so it works
 * while {@code serve} writes): the stored checkpoint is checked against the published key, origin
 * and root, as the writer checks it at start. Only entries the signed checkpoint covers are shown —
 * what the log has acknowledged — so the view answers as the running service does. The CLI's {@code
 * ledger verify}, {@code ledger entry} and {@code ledger checkpoint} read through it.
 */
public final class LogSnapshot implements AutoCloseable {
  private final String origin;
  private final SignedCheckpoint checkpoint;
  private final LogState state;
  private final LogLoader.Loaded loaded;
  private final EntryFile file;

  private LogSnapshot(
      String origin,
      SignedCheckpoint checkpoint,
      LogState state,
      LogLoader.Loaded loaded,
      EntryFile file) {
    this.origin = origin;
    this.checkpoint = checkpoint;
    this.state = state;
    this.loaded = loaded;
    this.file = file;
  }

  /**
   * Reads the log in {@code <dataDir>/ledger/}; throws {@link LedgerCorruptException} if the
   * checkpoint or an entry does not check out, {@link LedgerStorageException} if there is no log.
   */
  public static LogSnapshot open(Path dataDir) throws LedgerException {
    LedgerDir dir = LedgerDir.of(dataDir);
    if (!Files.isRegularFile(dir.entries())) {
      throw new LedgerStorageException("no ledger in " + dir.dir);
    }
    EntryFile file = null;
    try {
      String origin = Files.readString(dir.origin(), StandardCharsets.UTF_8).strip();
      NoteVerifier key = CheckpointKeys.publishedVerifier(dataDir);
      CheckpointPublisher.Stored stored = CheckpointPublisher.readVerified(dir, origin, key);
      SignedCheckpoint cp = stored == null ? null : stored.checkpoint();
      LogState state = new LogState();
      file = EntryFile.openForRead(dir.entries());
      LogLoader.Loaded loaded = LogLoader.load(dir.entries(), file, state);
      CheckpointPublisher.checkFloor(cp, state);
      LogSnapshot s = new LogSnapshot(origin, cp, state, loaded, file);
      file = null;
      return s;
    } catch (IOException e) {
      throw new LedgerStorageException("cannot read the ledger in " + dir.dir, e);
    } finally {
      if (file != null) {
        try {
          file.close();
        } catch (IOException e) {
          // already failing
        }
      }
    }
  }

  /** The log's identity. */
  public String origin() {
    return origin;
  }

  /** The stored signed checkpoint (verified); empty while the log has none. */
  public Optional<SignedCheckpoint> checkpoint() {
    return Optional.ofNullable(checkpoint);
  }

  /** The number of entries the signed checkpoint covers (0 without one). */
  public long size() {
    return checkpoint == null ? 0 : checkpoint.size();
  }

  /** Every valid entry in the file, including any written after the checkpoint. */
  public long validEntries() {
    return state.size();
  }

  /** Hex root hash over all valid entries. */
  public String rootHex() {
    return HexFormat.of().formatHex(state.tree.root(state.size()));
  }

  /** Bytes after the last valid entry (a write in progress, or a torn tail). */
  public long pendingTailBytes() {
    return loaded.tailBytes();
  }

  /** The entry at {@code index}, if the signed checkpoint covers it. */
  public LedgerEntry entry(long index) throws LedgerException {
    long size = size();
    if (index < 0 || index >= size) {
      throw new LedgerNotFoundException("no entry " + index + " (log size " + size + ")");
    }
    try {
      return new LedgerEntry(index, LedgerRecord.decode(file.read(state.offset(index))));
    } catch (IOException | IllegalArgumentException e) {
      throw new LedgerCorruptException("entry " + index + " cannot be read", e);
    }
  }

  /** The covered entry carrying this watermark payload. */
  public Optional<LedgerEntry> findByWatermark(byte[] payload) throws LedgerException {
    Optional<Long> i = state.byWatermark(HexFormat.of().formatHex(payload));
    return i.isPresent() && i.get() < size() ? Optional.of(entry(i.get())) : Optional.empty();
  }

  @Override
  public void close() throws LedgerStorageException {
    try {
      file.close();
    } catch (IOException e) {
      throw new LedgerStorageException("close failed", e);
    }
  }
}

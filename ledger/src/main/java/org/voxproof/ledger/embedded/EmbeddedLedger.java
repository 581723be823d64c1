package org.voxproof.ledger.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.voxproof.ledger.AppendResult;
import org.voxproof.ledger.ConsistencyProof;
import org.voxproof.ledger.InclusionProof;
import org.voxproof.ledger.LedgerCorruptException;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerEvidence;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.LedgerIdentityException;
import org.voxproof.ledger.LedgerNotFoundException;
import org.voxproof.ledger.LedgerRangeException;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.ledger.SignedCheckpoint;
import org.voxproof.ledger.TlogProofEvidence;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.ledger.note.TlogProof;
import org.voxproof.storage.OwnerOnly;

/**
 * The embedded default: an append-only Merkle log in {@code <data-dir>/ledger/}. Appends are
 * group-committed with {@code fsync} and acknowledged only when durable and covered by a stored
 * signed checkpoint, which the caller gets in {@link AppendResult#checkpoint()}; on open the stored
 * checkpoint must verify against the log's key, a torn tail is cut, and the log is checked against
 * the checkpoint. One writer per data directory (a lock file); readers use {@link LogVerifier}.
 */
public final class EmbeddedLedger implements ProvenanceLedger {
  private static final System.Logger LOG = System.getLogger(EmbeddedLedger.class.getName());

  private final String origin;
  private final EntryFile file;
  private final EntryReader reader;
  private final FileChannel lockChannel;
  private final LogState state = new LogState();
  private final CheckpointPublisher checkpoints;
  private final GroupCommitWriter writer;
  private final Thread writerThread;
  private final long recoveredTailBytes;

  private EmbeddedLedger(Builder b, LedgerDir dir, FileChannel lockChannel) throws LedgerException {
    this.lockChannel = lockChannel;
    this.origin = dir.resolveOrigin(b.wantedOrigin());
    EntryFile opened = null;
    CheckpointFile cpFile = new CheckpointFile(dir);
    try {
      NoteSigner signer =
          b.signer != null ? b.signer : CheckpointKeys.loadOrCreate(b.dataDir, origin);
      CheckpointPublisher.Stored floor = CheckpointKeys.checkIdentity(dir, origin, signer);
      this.reader = new EntryReader(dir.entries());
      this.file = EntryFile.openForWrite(dir.entries());
      opened = file;
      dir.syncDir();
      LogLoader.Loaded loaded = LogLoader.load(dir.entries(), file, state);
      CheckpointPublisher.checkFloor(floor == null ? null : floor.checkpoint(), state);
      this.recoveredTailBytes = loaded.tailBytes();
      if (loaded.tailBytes() > 0) {
        LOG.log(System.Logger.Level.WARNING, "cut a torn tail of {0} bytes", loaded.tailBytes());
        file.truncate(loaded.validEnd());
      }
      cpFile.open(floor == null ? null : floor.slot());
      this.checkpoints = new CheckpointPublisher(origin, signer, cpFile);
      SignedCheckpoint head = checkpoints.sign(state.size(), state.tree.root(state.size()));
      checkpoints.store(head);
      checkpoints.publish(head, () -> {});
      this.writer =
          new GroupCommitWriter(
              file, state, loaded.validEnd(), b.queueCapacity, b.maxBatch, checkpoints);
    } catch (IOException | LedgerException | RuntimeException e) {
      closeQuietly(opened, e);
      closeQuietly(cpFile, e);
      if (e instanceof LedgerException le) {
        throw le;
      }
      if (e instanceof IOException) {
        throw new LedgerStorageException("cannot open the ledger in " + dir.dir, e);
      }
      throw (RuntimeException) e;
    }
    this.writerThread = new Thread(writer, "ledger-writer");
    writerThread.setDaemon(true);
    writerThread.start();
  }

  private static void closeQuietly(AutoCloseable f, Exception failure) {
    if (f != null) {
      try {
        f.close();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
  }

  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /**
   * The origin of the log in {@code dataDir}, if one was created there; read-only. A caller that
   * names its checkpoint signer after the origin asks this first, and {@link #newOrigin()} for a
   * new log.
   */
  public static Optional<String> storedOrigin(Path dataDir) throws LedgerStorageException {
    return LedgerDir.of(dataDir).storedOrigin();
  }

  /** A fresh default origin, {@code voxproof.local/ledger/<8 random hex digits>}. */
  public static String newOrigin() {
    return LedgerDir.defaultOrigin();
  }

  /** Bytes of a torn tail cut when this instance opened the log (0 after a clean shutdown). */
  public long recoveredTailBytes() {
    return recoveredTailBytes;
  }

  /**
   * Group-commit counters since open.
   *
   * @param batches batches written, each with one {@code fsync}
   * @param appends appends in those batches
   * @param syncNanos time spent writing and forcing them
   * @param checkpointNanos time spent signing their checkpoints and storing them durably
   */
  public record CommitStats(long batches, long appends, long syncNanos, long checkpointNanos) {}

  public CommitStats commitStats() {
    long[] s = writer.stats();
    return new CommitStats(s[0], s[1], s[2], s[3]);
  }

  /** The number of durable entries. */
  public long size() {
    return state.size();
  }

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public AppendResult append(LedgerRecord record) throws LedgerException {
    try {
      return writer.submit(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerStorageException("interrupted while waiting for the append", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof LedgerException le) {
        throw le;
      }
      throw new LedgerStorageException("append failed", e.getCause());
    }
  }

  @Override
  public CompletionStage<AppendResult> appendAsync(LedgerRecord record) {
    return writer.submit(record);
  }

  @Override
  public Optional<LedgerEntry> findById(String id) throws LedgerException {
    Optional<Long> i = state.byId(id);
    return i.isPresent() ? Optional.of(entry(i.get())) : Optional.empty();
  }

  @Override
  public Optional<LedgerEntry> findByWatermark(byte[] payload) throws LedgerException {
    Optional<Long> i = state.byWatermark(HexFormat.of().formatHex(payload));
    return i.isPresent() ? Optional.of(entry(i.get())) : Optional.empty();
  }

  @Override
  public List<LedgerEntry> findByCommitment(byte[] consentCommitment) throws LedgerException {
    List<LedgerEntry> out = new java.util.ArrayList<>();
    for (long i : state.byCommitment(HexFormat.of().formatHex(consentCommitment))) {
      out.add(entry(i));
    }
    return out;
  }

  @Override
  public LedgerEntry entry(long index) throws LedgerException {
    long size = state.size();
    if (index < 0 || index >= size) {
      throw new LedgerNotFoundException("no entry " + index + " (log size " + size + ")");
    }
    try {
      return new LedgerEntry(index, LedgerRecord.decode(reader.read(state.offset(index))));
    } catch (java.nio.channels.ClosedByInterruptException e) {
      throw new LedgerStorageException("interrupted while reading entry " + index, e);
    } catch (IOException | IllegalArgumentException e) {
      throw new LedgerCorruptException("entry " + index + " cannot be read", e);
    }
  }

  @Override
  public SignedCheckpoint latestCheckpoint() {
    return checkpoints.latest();
  }

  @Override
  public InclusionProof inclusionProof(long index, long treeSize) throws LedgerException {
    long size = state.size();
    if (treeSize < 1 || treeSize > size || index < 0 || index >= treeSize) {
      throw new LedgerRangeException(
          "need 0 <= index < size <= " + size + "; got index " + index + ", size " + treeSize);
    }
    return new InclusionProof(
        index, treeSize, state.tree.leafHash(index), state.tree.inclusionProof(index, treeSize));
  }

  @Override
  public ConsistencyProof consistencyProof(long fromSize, long toSize) throws LedgerException {
    long size = state.size();
    if (fromSize < 1 || fromSize > toSize || toSize > size) {
      throw new LedgerRangeException(
          "need 0 < from <= to <= " + size + "; got from " + fromSize + ", to " + toSize);
    }
    return new ConsistencyProof(fromSize, toSize, state.tree.consistencyProof(fromSize, toSize));
  }

  @Override
  public LedgerEvidence evidence(String id) throws LedgerException {
    LedgerEntry e =
        findById(id).orElseThrow(() -> new LedgerNotFoundException("no record with id " + id));
    SignedCheckpoint cp = checkpoints.covering(e.index());
    List<byte[]> proof = state.tree.inclusionProof(e.index(), cp.size());
    // SPEC: C2SP tlog-proof: index, inclusion proof, then the checkpoint verbatim.
    String text = new TlogProof(null, e.index(), proof, cp.note()).text();
    return new TlogProofEvidence(e, text);
  }

  @Override
  public void close() throws LedgerException {
    writer.close();
    try {
      writerThread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (lockChannel;
        checkpoints) {
      file.close();
      reader.close();
    } catch (IOException e) {
      throw new LedgerStorageException("close failed", e);
    }
  }

  /** Options; the defaults suit the one-process deployment. */
  public static final class Builder {
    private final Path dataDir;
    private String origin;
    private NoteSigner signer;
    private int queueCapacity = 65_536;
    private int maxBatch = 4_096;

    private Builder(Path dataDir) {
      this.dataDir = dataDir;
    }

    /** The log identity, fixed at creation (default: a random {@code voxproof.local/...}). */
    public Builder origin(String origin) {
      this.origin = origin;
      return this;
    }

    /**
     * The checkpoint signer (e.g. the operator key ring's; default: the log's own key in {@code
     * checkpoint.key}). Its key name is the log's origin (C2SP convention): a new log takes it as
     * its origin, an existing log must have it (see {@link #storedOrigin}).
     */
    public Builder signer(NoteSigner signer) {
      this.signer = java.util.Objects.requireNonNull(signer, "signer");
      return this;
    }

    private String wantedOrigin() throws LedgerIdentityException {
      if (origin != null && signer != null && !origin.equals(signer.name())) {
        throw new LedgerIdentityException(
            "the checkpoint key is named " + signer.name() + ", not after the origin " + origin);
      }
      return origin != null ? origin : signer != null ? signer.name() : null;
    }

    /** Pending appends beyond this are refused with {@code LedgerOverloadedException}. */
    public Builder queueCapacity(int n) {
      this.queueCapacity = n;
      return this;
    }

    /** Opens (creating if needed) the log; fails if another writer holds it. */
    public EmbeddedLedger open() throws LedgerException {
      LedgerDir dir = LedgerDir.of(dataDir);
      FileChannel lock;
      try {
        OwnerOnly.createDirectories(dir.dir); // 0700, also the data directory if new
        lock = OwnerOnly.open(dir.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      } catch (IOException e) {
        throw new LedgerStorageException("cannot create " + dir.dir, e);
      }
      try {
        FileLock held = lock.tryLock();
        if (held == null) {
          throw new LedgerStorageException("another process writes the log in " + dir.dir);
        }
        return new EmbeddedLedger(this, dir, lock);
      } catch (IOException | LedgerException | RuntimeException e) {
        try {
          lock.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        if (e instanceof LedgerException le) {
          throw le;
        }
        throw new LedgerStorageException("another writer holds the log in " + dir.dir, e);
      }
    }
  }
}

package org.voxproof.ledger.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.voxproof.ledger.AppendResult;
import org.voxproof.ledger.LedgerConflictException;
import org.voxproof.ledger.LedgerOverloadedException;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.ledger.SignedCheckpoint;

/**
 * The single writer (group commit): takes every pending append, signs a checkpoint over the log
 * with them, writes them as one batch and forces the file to the device, stores the checkpoint and
 * forces it, publishes them, and only then completes their futures with that checkpoint. Nothing is
 * acknowledged that the stored checkpoint does not cover.
 */
final class GroupCommitWriter implements Runnable {
  private final BlockingQueue<Pending> queue;
  private final int maxBatch;
  private final EntryFile file;
  private final LogState state;
  private final CheckpointPublisher checkpoints;
  private volatile boolean closing;
  private volatile String broken;
  private long end;
  private final java.util.concurrent.atomic.AtomicLongArray stats =
      new java.util.concurrent.atomic.AtomicLongArray(4);

  @SuppressWarnings("ArrayRecordComponent") // internal, never compared
  private record Pending(
      LedgerRecord record, byte[] encoded, byte[] leaf, CompletableFuture<AppendResult> future) {}

  GroupCommitWriter(
      EntryFile file,
      LogState state,
      long end,
      int capacity,
      int maxBatch,
      CheckpointPublisher checkpoints) {
    this.file = file;
    this.state = state;
    this.end = end;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.maxBatch = maxBatch;
    this.checkpoints = checkpoints;
  }

  /** Queues an append; encoding and hashing happen on the caller's thread. */
  CompletableFuture<AppendResult> submit(LedgerRecord record) {
    CompletableFuture<AppendResult> f = new CompletableFuture<>();
    byte[] encoded = record.encode();
    Pending p = new Pending(record, encoded, LogState.leaf(encoded), f);
    synchronized (this) {
      if (closing || broken != null) {
        f.completeExceptionally(
            new LedgerStorageException(broken != null ? broken : "the ledger is closed"));
      } else if (!queue.offer(p)) {
        f.completeExceptionally(new LedgerOverloadedException("too many pending appends"));
      }
    }
    return f;
  }

  /**
   * Batches written, appends in them, nanoseconds spent writing and forcing them, and nanoseconds
   * spent signing and storing their checkpoints.
   */
  long[] stats() {
    return new long[] {stats.get(0), stats.get(1), stats.get(2), stats.get(3)};
  }

  /** No append is accepted after this; the writer drains what is queued, then stops. */
  synchronized void close() {
    closing = true;
  }

  @Override
  public void run() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    try {
      while (step(batch)) {
        // next batch
      }
    } catch (RuntimeException | Error e) {
      broken = "the ledger writer stopped: " + e;
      failAll(batch, new LedgerStorageException(broken));
      throw e;
    } finally {
      // Whatever stopped the writer, nothing may wait forever for it.
      synchronized (this) {
        closing = true;
      }
      List<Pending> rest = new ArrayList<>();
      queue.drainTo(rest);
      failAll(rest, new LedgerStorageException(broken != null ? broken : "the ledger is closed"));
    }
  }

  /** Commits one batch if any is waiting; false once closed and drained. */
  private boolean step(List<Pending> batch) {
    Pending first;
    try {
      first = queue.poll(50, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      // An interrupt asks the writer to stop. The flag stays cleared: an interrupted thread's
      // FileChannel calls would close the entries file under the appends still queued.
      close();
      first = queue.poll();
    }
    if (first == null) {
      return !(closing && queue.isEmpty());
    }
    batch.clear();
    batch.add(first);
    queue.drainTo(batch, maxBatch - 1);
    commit(batch);
    return true;
  }

  private void commit(List<Pending> batch) {
    if (broken != null) {
      failAll(batch, new LedgerStorageException(broken));
      return;
    }
    int bytes = 0;
    for (Pending p : batch) {
      bytes += EntryFile.FRAME_OVERHEAD + p.encoded.length;
    }
    ByteBuffer buf = ByteBuffer.allocate(bytes);
    List<LogState.Outcome> outcomes = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      LogState.Outcome o = state.sequence(p.record, p.leaf, end + buf.position());
      if (o instanceof LogState.Added) {
        EntryFile.frame(buf, p.encoded);
      }
      outcomes.add(o);
    }
    buf.flip();
    SignedCheckpoint cp = buf.hasRemaining() ? writeAndSign(batch, buf) : checkpoints.latest();
    if (cp != null) {
      checkpoints.publish(cp, state::publish);
      complete(batch, outcomes, cp);
    }
  }

  /** Signs, writes, stores; returns the stored checkpoint, or null after failing the batch. */
  private SignedCheckpoint writeAndSign(List<Pending> batch, ByteBuffer buf) {
    long t0 = System.nanoTime();
    SignedCheckpoint cp;
    try {
      cp = checkpoints.sign(state.pending(), state.tree.pendingRoot());
    } catch (RuntimeException e) {
      state.rollback();
      failAll(batch, new LedgerStorageException("cannot sign a checkpoint; nothing was logged", e));
      return null;
    }
    long t1 = System.nanoTime();
    int written = buf.remaining();
    try {
      file.writeDurably(buf, end);
    } catch (IOException | RuntimeException e) {
      state.rollback();
      cutBack();
      failAll(batch, new LedgerStorageException("append failed; nothing was logged", e));
      return null;
    }
    long t2 = System.nanoTime();
    try {
      checkpoints.store(cp);
    } catch (IOException | RuntimeException e) {
      // The entries are durable but not covered: the next start keeps or cuts them; this writer
      // cannot know what the checkpoint file now holds, so it stops.
      state.rollback();
      broken = "the checkpoint could not be stored: " + e;
      failAll(batch, new LedgerStorageException(broken, e));
      return null;
    }
    end += written;
    stats.addAndGet(0, 1);
    stats.addAndGet(1, batch.size());
    stats.addAndGet(2, t2 - t1);
    stats.addAndGet(3, System.nanoTime() - t2 + t1 - t0);
    return cp;
  }

  private void cutBack() {
    try {
      file.truncate(end);
    } catch (IOException e) {
      broken = "the entries file could not be cut back after a failed write: " + e.getMessage();
    }
  }

  private static void complete(
      List<Pending> batch, List<LogState.Outcome> outcomes, SignedCheckpoint cp) {
    for (int i = 0; i < batch.size(); i++) {
      CompletableFuture<AppendResult> f = batch.get(i).future;
      LogState.Outcome o = outcomes.get(i);
      if (o instanceof LogState.Added a) {
        f.complete(new AppendResult(a.index(), false, cp));
      } else if (o instanceof LogState.Duplicate d) {
        f.complete(new AppendResult(d.index(), true, cp));
      } else if (o instanceof LogState.Conflict c) {
        f.completeExceptionally(new LedgerConflictException(c.reason()));
      }
    }
  }

  private static void failAll(List<Pending> batch, Exception e) {
    for (Pending p : batch) {
      p.future.completeExceptionally(e);
    }
  }
}

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

/**
 * The single writer: takes every pending append, writes them as one batch, forces the file to the
 * device, publishes them, and only then completes their futures (group commit).
 */
final class GroupCommitWriter implements Runnable {
  private final BlockingQueue<Pending> queue;
  private final int maxBatch;
  private final EntryFile file;
  private final LogState state;
  private final Runnable afterCommit;
  private final Runnable idle;
  private volatile boolean closing;
  private volatile String broken;
  private long end;
  private final java.util.concurrent.atomic.AtomicLongArray stats =
      new java.util.concurrent.atomic.AtomicLongArray(3);

  @SuppressWarnings("ArrayRecordComponent") // internal, never compared
  private record Pending(
      LedgerRecord record, byte[] encoded, byte[] leaf, CompletableFuture<AppendResult> future) {}

  GroupCommitWriter(
      EntryFile file,
      LogState state,
      long end,
      int capacity,
      int maxBatch,
      Runnable afterCommit,
      Runnable idle) {
    this.file = file;
    this.state = state;
    this.end = end;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.maxBatch = maxBatch;
    this.afterCommit = afterCommit;
    this.idle = idle;
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

  /** Batches written, appends in them, and nanoseconds spent in write + fsync. */
  long[] stats() {
    return new long[] {stats.get(0), stats.get(1), stats.get(2)};
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
        idle.run();
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
    int written = buf.remaining();
    try {
      if (written > 0) {
        long t0 = System.nanoTime();
        file.writeDurably(buf, end);
        stats.addAndGet(0, 1);
        stats.addAndGet(1, batch.size());
        stats.addAndGet(2, System.nanoTime() - t0);
      }
    } catch (IOException | RuntimeException e) {
      state.rollback();
      cutBack();
      failAll(batch, new LedgerStorageException("append failed; nothing was logged", e));
      return;
    }
    end += written;
    state.publish();
    afterCommit.run();
    complete(batch, outcomes);
  }

  private void cutBack() {
    try {
      file.truncate(end);
    } catch (IOException e) {
      broken = "the entries file could not be cut back after a failed write: " + e.getMessage();
    }
  }

  private static void complete(List<Pending> batch, List<LogState.Outcome> outcomes) {
    for (int i = 0; i < batch.size(); i++) {
      CompletableFuture<AppendResult> f = batch.get(i).future;
      LogState.Outcome o = outcomes.get(i);
      if (o instanceof LogState.Added a) {
        f.complete(new AppendResult(a.index(), false));
      } else if (o instanceof LogState.Duplicate d) {
        f.complete(new AppendResult(d.index(), true));
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

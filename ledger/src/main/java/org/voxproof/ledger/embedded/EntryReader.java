package org.voxproof.ledger.embedded;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;

/**
 * Reads entries for lookups on a channel of its own: an interrupted reader thread closes the
 * channel it reads from (FileChannel is interruptible), and that must never be the writer's. A
 * channel closed that way is replaced by a fresh one.
 */
final class EntryReader implements AutoCloseable {
  private final Path path;
  private volatile EntryFile channel;

  EntryReader(Path path) {
    this.path = path;
  }

  /** The payload of the frame at {@code offset}. */
  byte[] read(long offset) throws IOException {
    EntryFile r = current();
    try {
      return r.read(offset);
    } catch (ClosedByInterruptException e) {
      drop(r); // this thread was interrupted; the next reader opens a fresh channel
      throw e;
    } catch (ClosedChannelException e) {
      drop(r); // closed by an interrupt on another reader
      return current().read(offset);
    }
  }

  private EntryFile current() throws IOException {
    EntryFile r = channel;
    if (r == null) {
      synchronized (this) {
        r = channel;
        if (r == null) {
          r = EntryFile.openForRead(path);
          channel = r;
        }
      }
    }
    return r;
  }

  private synchronized void drop(EntryFile r) {
    if (channel == r) {
      channel = null;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}

package org.voxproof.storage.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small fixed-size JDBC connection pool: at most {@code size} connections, opened on demand; a
 * connection that failed at the transport level is closed instead of returned.
 */
public final class Pool implements AutoCloseable {
  /** Opens a new connection, configured for its backend. */
  @FunctionalInterface
  public interface Opener {
    Connection open() throws SQLException;
  }

  private final Opener opener;
  private final Semaphore permits;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  public Pool(Opener opener, int size) {
    this.opener = opener;
    this.permits = new Semaphore(size, true);
  }

  /**
   * A connection for exclusive use until {@link #release}; null when none frees up in {@code
   * waitMillis} (the caller reports the storage as busy).
   */
  public Connection borrow(long waitMillis) throws SQLException, InterruptedException {
    if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
      return null;
    }
    try {
      Connection c;
      synchronized (this) {
        if (closed) {
          throw new SQLException("storage is closed", "08003");
        }
        c = idle.pollFirst();
      }
      return c != null ? c : opener.open();
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** Returns a borrowed connection; {@code broken} ones are closed. */
  public void release(Connection c, boolean broken) {
    try {
      boolean keep;
      synchronized (this) {
        keep = !broken && !closed;
        if (keep) {
          idle.addFirst(c);
        }
      }
      if (!keep) {
        closeQuietly(c);
      }
    } finally {
      permits.release();
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      idle.forEach(Pool::closeQuietly);
      idle.clear();
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // closing a broken connection: nothing left to do
    }
  }
}

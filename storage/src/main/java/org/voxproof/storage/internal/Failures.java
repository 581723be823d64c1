package org.voxproof.storage.internal;

import java.sql.SQLException;
import org.voxproof.storage.StorageConflictException;
import org.voxproof.storage.StorageException;
import org.voxproof.storage.StorageUnavailableException;

/** Sorts JDBC errors of both backends into the storage module's exceptions. */
public final class Failures {
  private Failures() {}

  /** SQLite result codes (sqlite3.h). */
  private static final int SQLITE_BUSY = 5;

  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_CONSTRAINT = 19;

  public static StorageException classify(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    int primary = e.getErrorCode() & 0xff; // SQLite: extended code's low byte is the primary
    if (state.equals("23505") || (isSqlite(e) && primary == SQLITE_CONSTRAINT && unique(e))) {
      return new StorageConflictException(what + ": already exists", e);
    }
    if (broken(e)
        || state.startsWith("53") // insufficient resources
        || state.equals("40001") // serialization failure
        || state.equals("40P01") // deadlock
        || state.equals("57P01") // admin shutdown
        || state.equals("57014") // statement timeout
        || (isSqlite(e) && (primary == SQLITE_BUSY || primary == SQLITE_LOCKED))) {
      return new StorageUnavailableException(
          what + ": storage unavailable (" + e.getMessage() + ")", e);
    }
    return new StorageException(what + ": " + e.getMessage(), e);
  }

  /** The connection itself failed (SQLSTATE class 08): close it instead of reusing it. */
  public static boolean broken(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("08");
  }

  private static boolean isSqlite(SQLException e) {
    return e.getClass().getName().startsWith("org.sqlite.");
  }

  private static boolean unique(SQLException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("UNIQUE") || m.contains("PRIMARYKEY") || m.contains("PRIMARY KEY");
  }
}

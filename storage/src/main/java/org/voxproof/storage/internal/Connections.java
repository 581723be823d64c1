package org.voxproof.storage.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/** How each backend's connections are opened and configured for durability. */
public final class Connections {
  /** How long a SQLite connection waits for another process's write lock before giving up. */
  public static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

  private Connections() {}

  /**
   * SQLite in WAL mode (readers never block the writer, and another process, such as {@code
   * voxproof admin}, may write while the server runs), {@code synchronous=FULL} (a commit is on the
   * disk before it returns, so nothing acknowledged is lost on power loss either), foreign keys on,
   * and write transactions that take the write lock at {@code BEGIN} ({@code IMMEDIATE}), so two
   * writers queue instead of failing on lock upgrade.
   */
  public static Pool.Opener sqlite(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    Properties props = config.toProperties();
    return () -> DriverManager.getConnection(url, props);
  }

  /**
   * PostgreSQL with {@code synchronous_commit=on} forced per session (a commit returns only once
   * its WAL is flushed, whatever the server's default), the given schema first on the search path,
   * and time limits so a lost server cannot hang a request forever.
   */
  public static Pool.Opener postgres(String url, String user, String password, String schema) {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "5");
    props.setProperty("socketTimeout", "60");
    props.setProperty("ApplicationName", "voxproof");
    if (schema != null) {
      props.setProperty("currentSchema", schema);
    }
    return () -> {
      Connection c = DriverManager.getConnection(url, props);
      try (Statement s = c.createStatement()) {
        s.execute("SET synchronous_commit = on");
        s.execute("SET statement_timeout = '30s'");
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      return c;
    };
  }
}

package org.voxproof.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.voxproof.storage.internal.Connections;
import org.voxproof.storage.internal.Failures;
import org.voxproof.storage.internal.MigrationRunner;
import org.voxproof.storage.internal.Pool;

/**
 * The database the services share. The embedded default is one SQLite file under the data directory
 * ({@code voxproof.db}, WAL mode, no server; several processes may use it at once); production uses
 * PostgreSQL. Each component brings its own schema as {@link Migrations}; every multi-row change
 * runs in one {@link #write} transaction, committed durably before it returns.
 *
 * <pre>{@code
 * Storage db = Storage.builder().embedded(dataDir).open();          // or .postgres(url)...
 * db.migrate(new Migrations("clients", "org/voxproof/http/clients/db"));
 * db.write(sql -> sql.update("insert into clients_keys ...", id, hash));
 * }</pre>
 */
public final class Storage implements AutoCloseable {
  /** The embedded database file in the data directory. */
  public static final String EMBEDDED_FILE = "voxproof.db";

  /** How long a call waits for a free connection before reporting the storage busy. */
  public static final long POOL_WAIT_MILLIS = 5_000;

  private final Backend backend;
  private final Pool pool;
  private final Pool.Opener opener;
  private final Path dataDir;
  private final String schema;

  private Storage(Backend backend, Pool.Opener opener, int size, Path dataDir, String schema) {
    this.backend = backend;
    this.opener = opener;
    this.pool = new Pool(opener, size);
    this.dataDir = dataDir;
    this.schema = schema;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Backend backend() {
    return backend;
  }

  /**
   * Brings the component's tables to the newest version of its migrations (Flyway), once per
   * process start; safe when several processes start at once.
   */
  public void migrate(Migrations migrations) throws StorageException {
    if (backend == Backend.SQLITE) {
      // Flyway locks PostgreSQL itself; for SQLite, processes take turns through a file lock.
      try (FileChannel ch =
              OwnerOnly.open(
                  dataDir.resolve(EMBEDDED_FILE + ".migrate-lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        MigrationRunner.run(opener, backend, schema, migrations);
      } catch (IOException e) {
        throw new StorageException("cannot lock " + dataDir + " for migration", e);
      }
    } else {
      MigrationRunner.run(opener, backend, schema, migrations);
    }
  }

  /** Runs read-only work on a connection in auto-commit mode. */
  public <T> T read(SqlWork<T> work) throws StorageException {
    return run(work, false);
  }

  /**
   * Runs {@code work} as one transaction: all its changes are committed together (durably) when it
   * returns, or none when it throws.
   */
  public <T> T write(SqlWork<T> work) throws StorageException {
    return run(work, true);
  }

  private <T> T run(SqlWork<T> work, boolean transaction) throws StorageException {
    Connection c = borrow();
    boolean broken = false;
    try {
      if (transaction) {
        c.setAutoCommit(false);
      }
      T result = work.apply(new Sql(c));
      if (transaction) {
        c.commit();
      }
      return result;
    } catch (SQLException e) {
      broken = Failures.broken(e);
      rollback(c, transaction);
      throw Failures.classify(transaction ? "write" : "read", e);
    } catch (StorageException | RuntimeException e) {
      rollback(c, transaction);
      throw e;
    } finally {
      broken |= !resetAutoCommit(c, transaction);
      pool.release(c, broken);
    }
  }

  private Connection borrow() throws StorageException {
    try {
      Connection c = pool.borrow(POOL_WAIT_MILLIS);
      if (c == null) {
        throw new StorageUnavailableException("storage busy: no free connection");
      }
      return c;
    } catch (SQLException e) {
      throw Failures.classify("connect", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageUnavailableException("interrupted while waiting for a connection");
    }
  }

  private static void rollback(Connection c, boolean transaction) {
    if (!transaction) {
      return;
    }
    try {
      c.rollback();
    } catch (SQLException e) {
      // the connection is reset or closed below
    }
  }

  private static boolean resetAutoCommit(Connection c, boolean transaction) {
    if (!transaction) {
      return true;
    }
    try {
      c.setAutoCommit(true);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "Storage[" + backend + (schema == null ? "" : " schema " + schema) + "]";
  }

  /** Where the database is: embedded under a data directory, or a PostgreSQL server. */
  public static final class Builder {
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Path dataDir;
    private String url;
    private String user;
    private String password;
    private String schema;
    private int poolSize = 8;

    private Builder() {}

    /** SQLite in {@code <dataDir>/voxproof.db}; the directory is created 0700 if missing. */
    public Builder embedded(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir);
      return this;
    }

    /** PostgreSQL at a {@code jdbc:postgresql://host:port/db} URL. */
    public Builder postgres(String jdbcUrl) {
      if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("not a jdbc:postgresql: URL");
      }
      this.url = jdbcUrl;
      return this;
    }

    public Builder user(String u) {
      this.user = u;
      return this;
    }

    /** The password; never logged. */
    public Builder password(String p) {
      this.password = p;
      return this;
    }

    /** PostgreSQL only: the schema to use, created if missing (default: the server's). */
    public Builder schema(String s) {
      if (!SCHEMA.matcher(s).matches()) {
        throw new IllegalArgumentException("schema must match " + SCHEMA);
      }
      this.schema = s;
      return this;
    }

    /** Connections kept at most (default 8). */
    public Builder poolSize(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("poolSize must be >= 1");
      }
      this.poolSize = n;
      return this;
    }

    /** Opens the database (creating the embedded file, 0600, on first use). */
    public Storage open() throws StorageException {
      if ((dataDir == null) == (url == null)) {
        throw new IllegalStateException("choose embedded(dataDir) or postgres(url)");
      }
      if (url != null) {
        return new Storage(
            Backend.POSTGRES,
            Connections.postgres(url, user, password, schema),
            poolSize,
            null,
            schema);
      }
      if (schema != null) {
        throw new IllegalStateException("schema() is for PostgreSQL");
      }
      Path file = dataDir.resolve(EMBEDDED_FILE);
      try {
        OwnerOnly.createDirectories(dataDir);
        // Created 0600 before SQLite opens it: its -wal and -shm files copy this mode.
        OwnerOnly.ensureFile(file);
      } catch (IOException e) {
        throw new StorageException("cannot create " + file + ": " + e.getMessage(), e);
      }
      return new Storage(Backend.SQLITE, Connections.sqlite(file), poolSize, dataDir, null);
    }
  }
}

package org.voxproof.storage.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.voxproof.storage.Backend;
import org.voxproof.storage.Migrations;
import org.voxproof.storage.StorageException;

/** Runs one component's Flyway migrations with its own history table. */
public final class MigrationRunner {
  /** Flyway narrates every step at INFO; keep the log to what changed (kept: loggers are weak). */
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  private static final Logger LOG = Logger.getLogger(MigrationRunner.class.getName());

  static {
    FLYWAY_LOG.setLevel(Level.WARNING);
  }

  private MigrationRunner() {}

  public static void run(Pool.Opener opener, Backend backend, String schema, Migrations m)
      throws StorageException {
    FluentConfiguration config =
        Flyway.configure(MigrationRunner.class.getClassLoader())
            .dataSource(new OpenerDataSource(opener))
            .locations("classpath:" + m.location())
            .table(m.historyTable())
            // Other components' tables may exist already: start this component's history at 0.
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .validateMigrationNaming(true)
            .cleanDisabled(true);
    if (backend == Backend.POSTGRES && schema != null) {
      config.schemas(schema).defaultSchema(schema).createSchemas(true);
    }
    try {
      MigrateResult r = config.load().migrate();
      if (r.migrationsExecuted > 0) {
        LOG.info(
            () -> "storage: " + m.component() + " schema now at version " + r.targetSchemaVersion);
      }
    } catch (FlywayException e) {
      throw new StorageException("migrating " + m.component() + " failed: " + e.getMessage(), e);
    }
  }

  /** The minimal DataSource Flyway needs: a fresh connection per call. */
  private record OpenerDataSource(Pool.Opener opener) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return opener.open();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return opener.open();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}

package org.voxproof.storage;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.voxproof.testkit.Tools;

/**
 * The PostgreSQL our machines run (127.0.0.1:5432, trust auth, database {@code test}): each test
 * run uses a schema of its own with a random name and drops only that schema. Unreachable: the test
 * is skipped locally and fails under CI.
 */
public final class TestDatabases {
  public static final String URL =
      System.getProperty("voxproof.test.pg", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String USER = "postgres";

  private TestDatabases() {}

  /** Skips (locally) or fails (under CI) unless PostgreSQL answers. */
  public static void requirePostgres() {
    Tools.requireThat(reachable(), "PostgreSQL at " + URL + " as " + USER);
  }

  /** A fresh random schema name, e.g. {@code t_3f9a0c1b2d4e}. */
  public static String randomSchema() {
    byte[] r = new byte[6];
    new SecureRandom().nextBytes(r);
    return "t_" + HexFormat.of().formatHex(r);
  }

  /** A storage on a new random schema of the test database. */
  public static Storage postgres(String schema) throws StorageException {
    return Storage.builder().postgres(URL).user(USER).schema(schema).poolSize(4).open();
  }

  /** Drops a schema this test run created (never a shared object). */
  public static void dropSchema(String schema) throws SQLException {
    if (!schema.matches("t_[0-9a-f]{12}")) {
      throw new IllegalArgumentException("not a test schema: " + schema);
    }
    try (Connection c = DriverManager.getConnection(URL, USER, null);
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
    }
  }

  private static boolean reachable() {
    try (Connection c = DriverManager.getConnection(URL + "?connectTimeout=3", USER, null)) {
      return c.isValid(3);
    } catch (SQLException e) {
      return false;
    }
  }
}

package org.voxproof.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parameterised SQL on one connection, inside {@link Storage#read} or {@link Storage#write}. Only
 * {@code ?} placeholders: values are never spliced into SQL text. Parameters may be {@link String},
 * {@link Long}, {@link Integer} or null.
 */
public final class Sql {
  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final Connection connection;

  Sql(Connection connection) {
    this.connection = connection;
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the number of rows changed. */
  public int update(String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(sql, params)) {
      return s.executeUpdate();
    }
  }

  /** Every row of a query. */
  public <T> List<T> query(String sql, Row<T> row, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(sql, params);
        ResultSet rs = s.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.map(rs));
      }
      return out;
    }
  }

  /** The one row of a query, or empty; more than one row is a bug and throws. */
  public <T> Optional<T> queryOne(String sql, Row<T> row, Object... params) throws SQLException {
    List<T> all = query(sql, row, params);
    if (all.size() > 1) {
      throw new SQLException("expected at most one row, got " + all.size());
    }
    return all.stream().findFirst();
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement s = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        bind(s, i + 1, params[i]);
      }
      return s;
    } catch (SQLException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement s, int i, Object v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.NULL);
    } else if (v instanceof String str) {
      s.setString(i, str);
    } else if (v instanceof Long l) {
      s.setLong(i, l);
    } else if (v instanceof Integer n) {
      s.setInt(i, n);
    } else {
      throw new IllegalArgumentException("unsupported SQL parameter type " + v.getClass());
    }
  }

  /** A nullable BIGINT column as a Long. */
  public static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}

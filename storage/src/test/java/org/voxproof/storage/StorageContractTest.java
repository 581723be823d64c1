package org.voxproof.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour both backends must show; {@link SqliteStorageTest} and {@link PostgresStorageTest}
 * run it, each on its own fresh database.
 */
abstract class StorageContractTest {
  static final Migrations ALPHA = new Migrations("alpha", "org/voxproof/storage/testdb/alpha");
  static final Migrations BETA = new Migrations("beta", "org/voxproof/storage/testdb/beta");

  Storage db;

  /** A fresh, empty database. */
  abstract Storage open() throws Exception;

  /** A second, independent handle on the same database (as another process would have). */
  abstract Storage openSecond() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    db = open();
    db.migrate(ALPHA);
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
  }

  private static String note(Storage s, String id) throws StorageException {
    return s.read(
            sql ->
                sql.queryOne(
                    "select note from alpha_items where id = ?", rs -> rs.getString(1), id))
        .orElse("<none>");
  }

  private long count(String table) throws StorageException {
    return db.read(
        sql -> sql.queryOne("select count(*) from " + table, rs -> rs.getLong(1)).orElseThrow());
  }

  @Test
  void migrate_twice_isANoOp_andComponentsVersionApart() throws Exception {
    db.migrate(ALPHA);
    db.migrate(BETA); // its own V1 next to alpha's V1 and V2
    db.write(sql -> sql.update("insert into beta_things (name) values (?)", "x"));
    assertThat(count("beta_things")).isEqualTo(1);
    assertThat(count("alpha_items")).isZero();
  }

  @Test
  void write_commitsEveryRowTogether() throws Exception {
    db.write(
        sql -> {
          sql.update("insert into alpha_items (id, n, note) values (?, ?, ?)", "a", 1L, "first");
          sql.update("insert into alpha_tags (item_id, tag) values (?, ?)", "a", "red");
          return sql.update("insert into alpha_tags (item_id, tag) values (?, ?)", "a", "blue");
        });
    assertThat(count("alpha_tags")).isEqualTo(2);
    assertThat(note(db, "a")).isEqualTo("first");
  }

  @Test
  void write_thatThrows_leavesNothing() throws Exception {
    assertThatThrownBy(
            () ->
                db.write(
                    sql -> {
                      sql.update("insert into alpha_items (id, n) values (?, ?)", "a", 1L);
                      sql.update("insert into alpha_tags (item_id, tag) values (?, ?)", "a", "t");
                      throw new SQLException("boom", "XX000");
                    }))
        .isInstanceOf(StorageException.class)
        .hasMessage("write: boom");
    assertThat(count("alpha_items")).isZero();
    assertThat(count("alpha_tags")).isZero();
  }

  @Test
  void write_duplicateKey_isConflict_andRollsBackTheRest() throws Exception {
    db.write(sql -> sql.update("insert into alpha_items (id, n) values (?, ?)", "a", 1L));
    assertThatThrownBy(
            () ->
                db.write(
                    sql -> {
                      sql.update("insert into alpha_items (id, n) values (?, ?)", "b", 2L);
                      return sql.update("insert into alpha_items (id, n) values (?, ?)", "a", 3L);
                    }))
        .isInstanceOf(StorageConflictException.class)
        .hasMessage("write: already exists");
    assertThat(count("alpha_items")).isEqualTo(1);
  }

  @Test
  void foreignKey_isEnforced() throws Exception {
    assertThatThrownBy(
            () ->
                db.write(
                    sql ->
                        sql.update(
                            "insert into alpha_tags (item_id, tag) values (?, ?)", "nope", "t")))
        .isInstanceOf(StorageException.class);
    assertThat(count("alpha_tags")).isZero();
  }

  @Test
  void nullsAndLongs_roundTrip() throws Exception {
    db.write(
        sql ->
            sql.update(
                "insert into alpha_items (id, n, note) values (?, ?, ?)",
                "big",
                Long.MAX_VALUE,
                null));
    Optional<List<Object>> row =
        db.read(
            sql ->
                sql.queryOne(
                    "select n, note from alpha_items where id = ?",
                    rs -> List.<Object>of(rs.getLong(1), String.valueOf(rs.getString(2))),
                    "big"));
    assertThat(row).contains(List.of(Long.MAX_VALUE, "null"));
  }

  @Test
  void secondHandle_seesCommittedChangeAtOnce_andCanWriteToo() throws Exception {
    try (Storage other = openSecond()) {
      other.migrate(ALPHA);
      db.write(
          sql ->
              sql.update("insert into alpha_items (id, n, note) values (?, ?, ?)", "a", 1L, "v1"));
      assertThat(note(other, "a")).isEqualTo("v1");
      other.write(sql -> sql.update("update alpha_items set note = ? where id = ?", "v2", "a"));
      assertThat(note(db, "a")).isEqualTo("v2");
    }
  }

  @Test
  void sqlWithUnsupportedParameter_isRefused() {
    assertThatThrownBy(
            () -> db.read(sql -> sql.query("select 1 where 1 = ?", rs -> 1, new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unsupported SQL parameter type");
  }
}

package org.voxproof.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresStorageTest extends StorageContractTest {
  private final String schema = TestDatabases.randomSchema();

  @BeforeAll
  static void requirePostgres() {
    TestDatabases.requirePostgres();
  }

  @Override
  Storage open() throws Exception {
    return TestDatabases.postgres(schema);
  }

  @Override
  Storage openSecond() throws Exception {
    return TestDatabases.postgres(schema);
  }

  @AfterEach
  void dropSchema() throws Exception {
    TestDatabases.dropSchema(schema);
  }

  @Test
  void postgres_commitsSynchronously_inItsOwnSchema() throws Exception {
    assertThat(db.backend()).isEqualTo(Backend.POSTGRES);
    Optional<String> sync =
        db.read(sql -> sql.queryOne("show synchronous_commit", rs -> rs.getString(1)));
    Optional<String> current =
        db.read(sql -> sql.queryOne("select current_schema()", rs -> rs.getString(1)));
    assertThat(sync).contains("on");
    assertThat(current).contains(schema);
  }
}

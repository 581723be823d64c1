package org.voxproof.consent.api;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.voxproof.storage.Storage;
import org.voxproof.storage.TestDatabases;

/** The consent API on PostgreSQL (a random schema, dropped afterwards). */
class PostgresConsentApiTest extends ConsentApiContractTest {
  private String schema;

  @Override
  Storage open(Path dir) throws Exception {
    TestDatabases.requirePostgres();
    schema = TestDatabases.randomSchema();
    return TestDatabases.postgres(schema);
  }

  @AfterEach
  void drop() throws Exception {
    if (schema != null) {
      TestDatabases.dropSchema(schema);
    }
  }
}

package org.voxproof.http.clients;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.voxproof.storage.Storage;
import org.voxproof.storage.TestDatabases;

class PostgresApiClientsTest extends ApiClientsContractTest {
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
}

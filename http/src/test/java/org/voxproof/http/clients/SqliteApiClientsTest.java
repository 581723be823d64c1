package org.voxproof.http.clients;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.storage.Storage;

class SqliteApiClientsTest extends ApiClientsContractTest {
  @TempDir Path dir;

  @Override
  Storage open() throws Exception {
    return Storage.builder().embedded(dir).open();
  }

  @Override
  Storage openSecond() throws Exception {
    return open();
  }
}

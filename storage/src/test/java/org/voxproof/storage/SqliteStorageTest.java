package org.voxproof.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStorageTest extends StorageContractTest {
  @TempDir Path dir;

  @Override
  Storage open() throws Exception {
    return Storage.builder().embedded(dir.resolve("data")).open();
  }

  @Override
  Storage openSecond() throws Exception {
    return open();
  }

  @Test
  void embedded_isWalWithFullSync() throws Exception {
    assertThat(db.backend()).isEqualTo(Backend.SQLITE);
    String mode =
        db.read(sql -> sql.queryOne("pragma journal_mode", rs -> rs.getString(1))).orElseThrow();
    long sync =
        db.read(sql -> sql.queryOne("pragma synchronous", rs -> rs.getLong(1))).orElseThrow();
    assertThat(mode).isEqualTo("wal");
    assertThat(sync).isEqualTo(2); // FULL
  }

  @Test
  void embedded_filesAreOwnerOnly() throws Exception {
    db.write(sql -> sql.update("insert into alpha_items (id, n) values (?, ?)", "a", 1L));
    Path data = dir.resolve("data");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    try (var files = Files.list(data)) {
      for (Path f : files.toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
            .as(f.toString())
            .isEqualTo("rw-------");
      }
    }
    assertThat(data.resolve(Storage.EMBEDDED_FILE + "-wal")).exists();
  }
}

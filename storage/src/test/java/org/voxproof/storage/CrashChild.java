package org.voxproof.storage;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link StorageCrashIT}: commits two-row transactions from several threads and
 * prints {@code ACK <id>} after each commit returned, until it is killed.
 */
public final class CrashChild {
  static final Migrations CRASH = new Migrations("crash", "org/voxproof/storage/testdb/crash");

  private CrashChild() {}

  /** Args: {@code sqlite DATA_DIR | postgres SCHEMA}, first id, threads. */
  public static void main(String[] args) throws Exception {
    Storage db =
        args[0].equals("sqlite")
            ? Storage.builder().embedded(Path.of(args[1])).open()
            : TestDatabases.postgres(args[1]);
    db.migrate(CRASH);
    AtomicLong next = new AtomicLong(Long.parseLong(args[2]));
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    synchronized (out) {
      out.println("OPEN");
      out.flush();
    }
    for (int t = 0; t < Integer.parseInt(args[3]); t++) {
      new Thread(
              () -> {
                while (true) {
                  long id = next.getAndIncrement();
                  try {
                    db.write(
                        sql -> {
                          sql.update("insert into crash_rows (id, part) values (?, ?)", id, 0L);
                          return sql.update(
                              "insert into crash_rows (id, part) values (?, ?)", id, 1L);
                        });
                    synchronized (out) {
                      out.println("ACK " + id);
                      out.flush();
                    }
                  } catch (StorageException e) {
                    System.err.println("write failed: " + e.getMessage());
                  }
                }
              })
          .start();
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}

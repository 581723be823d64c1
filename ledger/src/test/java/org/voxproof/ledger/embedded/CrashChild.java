package org.voxproof.ledger.embedded;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.voxproof.ledger.AppendResult;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.TestRecords;

/**
 * The child JVM of {@link LedgerCrashIT}: appends under load from several threads and prints {@code
 * ACK <index> <n>} for every acknowledged append, until it is killed.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    AtomicLong next = new AtomicLong(Long.parseLong(args[1]));
    int writers = Integer.parseInt(args[2]);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    EmbeddedLedger ledger = EmbeddedLedger.builder(data).origin("crash.test/log").open();
    synchronized (out) {
      out.println("OPEN " + ledger.size());
      out.flush();
    }
    for (int t = 0; t < writers; t++) {
      Thread th =
          new Thread(
              () -> {
                while (true) {
                  long n = next.getAndIncrement();
                  try {
                    AppendResult r = ledger.append(TestRecords.synthesis(n));
                    synchronized (out) {
                      out.println("ACK " + r.index() + " " + n);
                      out.flush();
                    }
                  } catch (LedgerException e) {
                    System.err.println("append failed: " + e);
                  }
                }
              });
      th.start();
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}

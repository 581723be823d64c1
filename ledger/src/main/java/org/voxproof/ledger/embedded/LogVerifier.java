package org.voxproof.ledger.embedded;

import java.nio.file.Path;
import org.voxproof.ledger.LedgerCorruptException;
import org.voxproof.ledger.LedgerException;

/**
 * Recomputes an embedded log from its files without taking the writer lock, so it runs while the
 * service writes: decodes every entry, rehashes the tree, and checks the stored checkpoint's
 * signature (against {@code checkpoint.vkey}), origin and root: the checks a writer makes when it
 * opens the log.
 */
public final class LogVerifier {
  private LogVerifier() {}

  /**
   * What a successful verification found.
   *
   * @param origin the log identity
   * @param entries the number of valid entries
   * @param rootHash hex root over all entries
   * @param checkpointSize the size the stored, signed checkpoint commits to
   * @param pendingTailBytes bytes after the last valid entry (a write in progress, or a torn tail
   *     that the next writer start cuts)
   */
  public record Report(
      String origin, long entries, String rootHash, long checkpointSize, long pendingTailBytes) {}

  /**
   * Verifies the log in {@code <dataDir>/ledger/}; throws if anything does not check out. Damage is
   * confirmed by a second pass a moment later, so that a batch the writer was writing during the
   * first pass is not mistaken for it.
   */
  public static Report verify(Path dataDir) throws LedgerException {
    try {
      return verifyOnce(dataDir);
    } catch (LedgerCorruptException first) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw first;
      }
      return verifyOnce(dataDir);
    }
  }

  private static Report verifyOnce(Path dataDir) throws LedgerException {
    try (LogSnapshot s = LogSnapshot.open(dataDir)) {
      return new Report(s.origin(), s.validEntries(), s.rootHex(), s.size(), s.pendingTailBytes());
    }
  }
}

package org.voxproof.ledger.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.voxproof.ledger.LedgerCorruptException;
import org.voxproof.ledger.LedgerRecord;

/**
 * Replays the entries file into a {@link LogState}, and tells a torn tail (what a crash leaves
 * after the last durable batch) from damage in the middle of the file.
 */
final class LogLoader {
  private LogLoader() {}

  /**
   * @param validEnd where the valid prefix ends
   * @param fileSize the file's size when scanned
   */
  record Loaded(long validEnd, long fileSize) {
    long tailBytes() {
      return fileSize - validEnd;
    }
  }

  static Loaded load(Path path, EntryFile file, LogState state)
      throws IOException, LedgerCorruptException {
    long[] bad = {-1};
    String[] why = {null};
    EntryFile.Scan scan =
        file.scan(
            (offset, payload) -> {
              LedgerRecord r;
              try {
                r = LedgerRecord.decode(payload);
              } catch (IllegalArgumentException e) {
                bad[0] = offset;
                why[0] = "undecodable record: " + e.getMessage();
                return false;
              }
              if (!(state.sequence(r, LogState.leaf(payload), offset) instanceof LogState.Added)) {
                bad[0] = offset;
                why[0] = "record id or watermark logged twice: " + r.id();
                return false;
              }
              return true;
            });
    state.publish();
    if (bad[0] >= 0) {
      throw new LedgerCorruptException(
          "entry " + state.size() + " at byte " + bad[0] + " has a valid checksum but " + why[0]);
    }
    long end = scan.validEnd();
    long size = scan.size();
    if (end < size && validFrameAfter(path, end, size)) {
      throw new LedgerCorruptException(
          "damaged entry "
              + state.size()
              + " at byte "
              + end
              + " is followed by valid entries: not a torn tail");
    }
    return new Loaded(end, size);
  }

  /** True if any offset after {@code from} starts a frame with a matching checksum. */
  private static boolean validFrameAfter(Path path, long from, long size) throws IOException {
    long len = size - from;
    if (len > 256L * 1024 * 1024) {
      return true;
    }
    ByteBuffer tail = ByteBuffer.allocate((int) len);
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      while (tail.hasRemaining() && ch.read(tail, from + tail.position()) > 0) {
        // read on
      }
    }
    byte[] b = tail.array();
    for (int p = 1; p + EntryFile.FRAME_OVERHEAD < b.length; p++) {
      int n = ByteBuffer.wrap(b, p, 4).getInt();
      if (n <= 0 || n > EntryFile.MAX_PAYLOAD || p + EntryFile.FRAME_OVERHEAD + n > b.length) {
        continue;
      }
      byte[] payload = java.util.Arrays.copyOfRange(b, p + 8, p + 8 + n);
      if (EntryFile.crc32c(payload) == ByteBuffer.wrap(b, p + 4, 4).getInt()) {
        return true;
      }
    }
    return false;
  }
}

package org.voxproof.ledger.embedded;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Test access to the stored checkpoint slots, to read them and to damage them on purpose. */
final class StoredCheckpoints {
  private StoredCheckpoints() {}

  /** The newest intact stored note. */
  static String newest(Path data) throws Exception {
    return CheckpointFile.read(LedgerDir.of(data)).get(0).note();
  }

  /** Overwrites the newest slot with {@code note} (a well-formed slot: only the note is wrong). */
  static void replaceNewest(Path data, String note) throws Exception {
    CheckpointFile.Slot s = CheckpointFile.read(LedgerDir.of(data)).get(0);
    write(data, s.index(), CheckpointFile.encode(s.sequence(), note));
  }

  /** Overwrites one slot with raw bytes (e.g. a torn write). */
  static void write(Path data, int slot, byte[] bytes) throws Exception {
    try (FileChannel ch =
        FileChannel.open(LedgerDir.of(data).checkpoints(), StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(bytes), (long) slot * CheckpointFile.SLOT);
    }
  }

  /** Which slot holds the newest note. */
  static int newestSlot(Path data) throws Exception {
    return CheckpointFile.read(LedgerDir.of(data)).get(0).index();
  }
}

package org.voxproof.ledger.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32C;
import org.voxproof.ledger.LedgerCorruptException;

/**
 * The stored signed checkpoint: {@code <data-dir>/ledger/checkpoints}, two fixed 4 KiB slots
 * written in turn, each {@code "VXCKPT1\n", u32 CRC-32C(rest), u64 sequence, u32 length, note
 * (UTF-8), zeros}. One positional write and one {@code fdatasync} per group commit (the file never
 * changes size). A write torn by a crash damages only the slot being written, whose batch was not
 * acknowledged; the other slot still holds the previous checkpoint. Logs made before this file
 * existed kept one text note in {@code checkpoint}; it is read while {@code checkpoints} is missing
 * and removed once the writer stored a checkpoint here.
 */
final class CheckpointFile implements AutoCloseable {
  static final int SLOT = 4096;
  private static final byte[] MAGIC = "VXCKPT1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int HEAD = MAGIC.length + 16;

  private final LedgerDir dir;
  private FileChannel channel;
  private long sequence;
  private int nextSlot;

  /** An intact slot: its position, sequence number and note. */
  record Slot(int index, long sequence, String note) {}

  CheckpointFile(LedgerDir dir) {
    this.dir = dir;
  }

  /**
   * The stored notes, newest first: the intact slots, or the legacy text file; empty when the log
   * has none.
   */
  static List<Slot> read(LedgerDir dir) throws IOException, LedgerCorruptException {
    if (Files.exists(dir.checkpoints())) {
      byte[] all = Files.readAllBytes(dir.checkpoints());
      List<Slot> slots = new ArrayList<>(2);
      for (int i = 0; (i + 1) * SLOT <= all.length && i < 2; i++) {
        Slot s = decode(i, Arrays.copyOfRange(all, i * SLOT, (i + 1) * SLOT));
        if (s != null) {
          slots.add(s);
        }
      }
      if (slots.isEmpty()) {
        throw new LedgerCorruptException("no intact checkpoint in " + dir.checkpoints());
      }
      slots.sort(Comparator.comparingLong(Slot::sequence).reversed());
      return slots;
    }
    if (Files.exists(dir.legacyCheckpoint())) {
      return List.of(
          new Slot(-1, 0, Files.readString(dir.legacyCheckpoint(), StandardCharsets.UTF_8)));
    }
    return List.of();
  }

  /** Writer: continues after {@code newest} (null when nothing is stored yet). */
  void open(Slot newest) throws IOException {
    if (newest != null && newest.index() >= 0) {
      channel = FileChannel.open(dir.checkpoints(), StandardOpenOption.WRITE);
      sequence = newest.sequence();
      nextSlot = 1 - newest.index();
    }
  }

  /**
   * Writer: stores {@code note} durably in the slot not holding the newest checkpoint. On first use
   * the file is created atomically with the note in slot 0.
   */
  void store(String note) throws IOException {
    byte[] slot = encode(sequence + 1, note);
    if (channel == null) {
      dir.writeAtomically(dir.checkpoints(), Arrays.copyOf(slot, 2 * SLOT));
      Files.deleteIfExists(dir.legacyCheckpoint());
      dir.syncDir();
      channel = FileChannel.open(dir.checkpoints(), StandardOpenOption.WRITE);
      nextSlot = 1;
    } else {
      ByteBuffer b = ByteBuffer.wrap(slot);
      long pos = (long) nextSlot * SLOT;
      while (b.hasRemaining()) {
        pos += channel.write(b, pos);
      }
      channel.force(false);
      nextSlot = 1 - nextSlot;
    }
    sequence++;
  }

  static byte[] encode(long sequence, String note) {
    byte[] text = note.getBytes(StandardCharsets.UTF_8);
    if (HEAD + text.length > SLOT) {
      throw new IllegalArgumentException(
          "a checkpoint note is at most " + (SLOT - HEAD) + " bytes");
    }
    ByteBuffer b = ByteBuffer.allocate(SLOT);
    b.put(MAGIC).putInt(0).putLong(sequence).putInt(text.length).put(text);
    b.putInt(MAGIC.length, crc(b.array(), text.length));
    return b.array();
  }

  /** The slot's content, or null if it is empty or torn. */
  private static Slot decode(int index, byte[] slot) {
    if (!Arrays.equals(slot, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(slot);
    int crc = b.getInt(MAGIC.length);
    long seq = b.getLong(MAGIC.length + 4);
    int len = b.getInt(MAGIC.length + 12);
    if (len <= 0 || len > SLOT - HEAD || crc(slot, len) != crc || seq < 1) {
      return null;
    }
    return new Slot(index, seq, new String(slot, HEAD, len, StandardCharsets.UTF_8));
  }

  private static int crc(byte[] slot, int textLength) {
    CRC32C c = new CRC32C();
    c.update(slot, MAGIC.length + 4, 12 + textLength);
    return (int) c.getValue();
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}

package org.voxproof.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Canonical binary encoding of a {@link LedgerRecord} (version 1): {@code 'V' 0x01 kind}, then id,
 * watermark, audio hash, manifest hash, commitment, licensee, engine, subject, detail hash (strings
 * as u16 length + UTF-8, byte strings as u8 length + bytes), then the time as a signed 64-bit count
 * of milliseconds since the epoch. Big-endian; no trailing bytes.
 */
final class RecordCodec {
  private static final byte MAGIC = 'V';
  private static final byte VERSION = 1;

  private RecordCodec() {}

  static byte[] encode(LedgerRecord r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(MAGIC);
    out.write(VERSION);
    out.write(r.kind().code());
    string(out, r.id());
    bytes(out, r.watermark());
    bytes(out, r.audioSha256());
    bytes(out, r.manifestHash());
    bytes(out, r.consentCommitment());
    string(out, r.licensee());
    string(out, r.engine());
    string(out, r.subject());
    bytes(out, r.detailHash());
    long t = r.time().toEpochMilli();
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (t >>> shift));
    }
    return out.toByteArray();
  }

  static LedgerRecord decode(byte[] data) {
    ByteBuffer in = ByteBuffer.wrap(data);
    try {
      if (in.get() != MAGIC || in.get() != VERSION) {
        throw new IllegalArgumentException("not a version 1 ledger record");
      }
      RecordKind kind = RecordKind.fromCode(in.get() & 0xff);
      LedgerRecord r =
          new LedgerRecord(
              kind,
              string(in),
              bytes(in),
              bytes(in),
              bytes(in),
              bytes(in),
              string(in),
              string(in),
              string(in),
              bytes(in),
              Instant.ofEpochMilli(in.getLong()));
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes after the record");
      }
      return r;
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated ledger record", e);
    }
  }

  private static void string(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write(b.length >>> 8);
    out.write(b.length);
    out.write(b, 0, b.length);
  }

  private static void bytes(ByteArrayOutputStream out, byte[] b) {
    out.write(b.length);
    out.write(b, 0, b.length);
  }

  private static String string(ByteBuffer in) {
    int len = in.getShort() & 0xffff;
    byte[] b = new byte[len];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(ByteBuffer in) {
    byte[] b = new byte[in.get() & 0xff];
    in.get(b);
    return b;
  }
}

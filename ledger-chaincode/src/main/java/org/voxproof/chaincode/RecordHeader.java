package org.voxproof.chaincode;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The leading fields of a VoxProof ledger record (canonical encoding version 1, see the ledger
 * module's {@code RecordCodec}): kind, id, watermark and consent commitment. The chaincode indexes
 * by these and stores the whole encoding unchanged.
 *
 * @param kind 1 synthesis, 2 revocation, 3 erasure, 4 police access
 * @param id the manifest id or audit event id
 * @param watermarkHex the watermark payload in hex ("" when none)
 * @param commitmentHex the consent commitment in hex ("" when none)
 */
record RecordHeader(int kind, String id, String watermarkHex, String commitmentHex) {
  static final int SYNTHESIS = 1;
  static final int ERASURE = 3;

  static RecordHeader parse(byte[] data) {
    try {
      ByteBuffer in = ByteBuffer.wrap(data);
      if (in.get() != 'V' || in.get() != 1) {
        throw new IllegalArgumentException("not a version 1 VoxProof record");
      }
      int kind = in.get() & 0xff;
      byte[] id = new byte[in.getShort() & 0xffff];
      in.get(id);
      byte[] watermark = bytes(in);
      bytes(in); // audio hash
      bytes(in); // manifest hash
      byte[] commitment = bytes(in);
      String idText = new String(id, StandardCharsets.US_ASCII);
      if (kind < 1 || kind > 4 || !idText.matches("[\\x21-\\x7e]{1,128}")) {
        throw new IllegalArgumentException("bad record kind or id");
      }
      HexFormat hex = HexFormat.of();
      return new RecordHeader(kind, idText, hex.formatHex(watermark), hex.formatHex(commitment));
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated record", e);
    }
  }

  private static byte[] bytes(ByteBuffer in) {
    byte[] b = new byte[in.get() & 0xff];
    in.get(b);
    return b;
  }
}

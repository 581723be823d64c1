package org.voxproof.watermark;

import java.util.HexFormat;

/**
 * The 32-bit payload that keys a ledger record. The watermark adds a keyed integrity check to it,
 * so only a holder of the key can write or read one.
 *
 * @param value the 32 bits
 */
public record Payload(int value) {

  /** Parses 8 lowercase or uppercase hex digits. */
  public static Payload ofHex(String hex) {
    if (hex == null || hex.length() != 8) {
      throw new IllegalArgumentException("payload must be 8 hex digits (32 bits)");
    }
    return new Payload((int) Long.parseLong(hex, 16));
  }

  /** The payload as 8 lowercase hex digits. */
  public String hex() {
    return HexFormat.of().toHexDigits(value);
  }

  @Override
  public String toString() {
    return "Payload[" + hex() + "]";
  }
}

package org.voxproof.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Records for tests: deterministic, distinct per number. */
public final class TestRecords {
  private TestRecords() {}

  public static LedgerRecord synthesis(long n) {
    return LedgerRecord.synthesis(
        "manifest-" + n,
        ByteBuffer.allocate(8).putLong(n).array(),
        MerkleHash.sha256(("audio" + n).getBytes(StandardCharsets.UTF_8)),
        MerkleHash.sha256(("manifest" + n).getBytes(StandardCharsets.UTF_8)),
        MerkleHash.sha256(("salt|token" + n).getBytes(StandardCharsets.UTF_8)),
        "lic-3f2a",
        "espeak-ng/1.51",
        Instant.ofEpochMilli(1_700_000_000_000L + n));
  }
}

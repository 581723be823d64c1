package org.voxproof.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the canonical record decoder (records arrive from evidence bundles and HTTP): any bytes
 * either decode to a record that re-encodes to exactly those bytes, or are rejected with {@link
 * IllegalArgumentException}. Seeds in {@code RecordCodecFuzzTestInputs/}.
 */
class RecordCodecFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void decode_anyBytes_canonicalOrRejected(byte[] data) {
    LedgerRecord r;
    try {
      r = LedgerRecord.decode(data);
    } catch (IllegalArgumentException e) {
      return;
    }
    assertThat(r.encode()).isEqualTo(data);
  }
}

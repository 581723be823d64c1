package org.voxproof.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LedgerRecordTest {
  @Test
  void decode_encoded_roundTrips() {
    LedgerRecord r = TestRecords.synthesis(7);
    assertThat(LedgerRecord.decode(r.encode())).isEqualTo(r);
    LedgerRecord e = LedgerRecord.erasure("erase-1", new byte[32], Instant.EPOCH);
    assertThat(LedgerRecord.decode(e.encode())).isEqualTo(e);
    LedgerRecord p = LedgerRecord.policeAccess("pa-1", "manifest-7", new byte[32], Instant.EPOCH);
    assertThat(LedgerRecord.decode(p.encode()).subject()).isEqualTo("manifest-7");
  }

  @Test
  void decode_trailingOrTruncated_rejected() {
    byte[] enc = TestRecords.synthesis(1).encode();
    assertThatThrownBy(() -> LedgerRecord.decode(Arrays.copyOf(enc, enc.length + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trailing");
    assertThatThrownBy(() -> LedgerRecord.decode(Arrays.copyOf(enc, enc.length - 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void constructor_nameWithSpaces_rejected() {
    assertThatThrownBy(
            () ->
                LedgerRecord.synthesis(
                    "m-1",
                    new byte[4],
                    new byte[32],
                    new byte[32],
                    new byte[32],
                    "Jane Doe",
                    "",
                    Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("licensee");
  }

  @Test
  void constructor_shortHash_rejected() {
    assertThatThrownBy(() -> LedgerRecord.revocation("r-1", new byte[31], Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("consentCommitment");
  }

  @Test
  void accessors_returnCopies() {
    LedgerRecord r = TestRecords.synthesis(3);
    r.watermark()[0] = 99;
    assertThat(r.watermark()[0]).isZero();
  }
}

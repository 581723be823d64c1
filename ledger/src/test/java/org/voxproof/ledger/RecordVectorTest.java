package org.voxproof.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The codec against the checked-in vector {@code vectors/record-v1/} (see its README). */
class RecordVectorTest {
  static byte[] sha256(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void encode_vectorRecords_giveTheCheckedInBytes() throws Exception {
    LedgerRecord synthesis =
        LedgerRecord.synthesis(
            RecordVectors.SYNTHESIS_ID,
            new byte[] {0, (byte) 0xc0, (byte) 0xff, (byte) 0xee},
            sha256("audio"),
            sha256("manifest"),
            sha256("salt|token"),
            "lic-3f9a1c",
            "espeak-ng/1.51",
            Instant.parse("2026-11-21T06:00:00.123Z"));
    LedgerRecord erasure =
        LedgerRecord.erasure(
            "erase-7f3a", sha256("salt|token"), Instant.parse("2026-11-22T08:30:00Z"));
    LedgerRecord police =
        LedgerRecord.policeAccess(
            "police-0001",
            RecordVectors.SYNTHESIS_ID,
            sha256("case CR-2026-17"),
            Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(synthesis.encode()).isEqualTo(RecordVectors.bytes("synthesis"));
    assertThat(erasure.encode()).isEqualTo(RecordVectors.bytes("erasure"));
    assertThat(police.encode()).isEqualTo(RecordVectors.bytes("police-access"));
  }

  @Test
  void decode_vectorBytes_giveTheRecordsBack() {
    LedgerRecord s = LedgerRecord.decode(RecordVectors.bytes("synthesis"));
    assertThat(s.kind()).isEqualTo(RecordKind.SYNTHESIS);
    assertThat(s.id()).isEqualTo(RecordVectors.SYNTHESIS_ID);
    assertThat(s.watermarkHex()).isEqualTo("00c0ffee");
    assertThat(s.time()).isEqualTo(Instant.ofEpochMilli(1_795_240_800_123L));
    assertThat(LedgerRecord.decode(RecordVectors.bytes("erasure")).kind())
        .isEqualTo(RecordKind.ERASURE);
    assertThat(LedgerRecord.decode(RecordVectors.bytes("police-access")).subject())
        .isEqualTo(RecordVectors.SYNTHESIS_ID);
  }
}

package org.voxproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.RecordVectors;
import org.voxproof.ledger.TestRecords;

/** The real chaincode (router and contract) over the in-memory stub, fed the record vector. */
class ProvenanceContractTest {
  private final ChaincodeHarness cc = new ChaincodeHarness();
  private static final byte[] SYNTHESIS = RecordVectors.bytes("synthesis");
  private static final byte[] ERASURE = RecordVectors.bytes("erasure");
  private static final String COMMITMENT =
      HexFormat.of().formatHex(LedgerRecord.decode(SYNTHESIS).consentCommitment());

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  /** Record {@code n} of TestRecords under another id, with another commitment (null: keep). */
  private static byte[] variant(int n, String id, byte[] commitment) {
    LedgerRecord r = TestRecords.synthesis(n);
    return LedgerRecord.synthesis(
            id == null ? r.id() : id,
            r.watermark(),
            r.audioSha256(),
            r.manifestHash(),
            commitment == null ? r.consentCommitment() : commitment,
            "",
            "",
            r.time())
        .encode();
  }

  private static Map<String, byte[]> salt(byte... s) {
    return Map.of(ProvenanceContract.SALT_TRANSIENT_KEY, s);
  }

  @Test
  void record_vector_storedIndexedAndEmitted() {
    String txId = cc.nextTxId();
    ChaincodeHarness.Answer a = cc.call("Record", b64(SYNTHESIS));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.text())
        .isEqualTo(
            "{\"txId\":\"" + txId + "\",\"record\":\"" + b64(SYNTHESIS) + "\",\"existing\":false}");
    assertThat(a.event().name()).isEqualTo(ProvenanceContract.EVENT);
    assertThat(a.event().payload()).isEqualTo(SYNTHESIS);
    assertThat(cc.call("Get", RecordVectors.SYNTHESIS_ID).text()).isEqualTo(a.text());
    assertThat(cc.call("Lookup", "00C0FFEE").text()).isEqualTo(a.text());
  }

  @Test
  void record_sameRecordAgain_isIdempotentAndWritesNothing() {
    String first = cc.call("Record", b64(SYNTHESIS)).text();
    ChaincodeHarness.Answer again = cc.call("Record", b64(SYNTHESIS));
    assertThat(again.text()).isEqualTo(first.replace("\"existing\":false", "\"existing\":true"));
    assertThat(again.event()).isNull();
  }

  @Test
  void record_sameIdOtherBytes_conflictWithCodeOnce() {
    cc.call("Record", b64(TestRecords.synthesis(1).encode()));
    byte[] sameId = variant(2, "manifest-1", null);
    ChaincodeHarness.Answer a = cc.call("Record", b64(sameId));
    assertThat(a.status()).isEqualTo(500);
    assertThat(a.message()).isEqualTo("ID_CONFLICT: id manifest-1 is logged with other content");
    assertThat(a.text()).isEqualTo("ID_CONFLICT");
  }

  @Test
  void record_watermarkTaken_refused() {
    cc.call("Record", b64(TestRecords.synthesis(1).encode()));
    LedgerRecord r = TestRecords.synthesis(1);
    byte[] sameMark = variant(1, "manifest-x", null);
    ChaincodeHarness.Answer a = cc.call("Record", b64(sameMark));
    assertThat(a.message())
        .isEqualTo("WATERMARK_TAKEN: watermark " + r.watermarkHex() + " is taken");
    assertThat(cc.call("Get", "manifest-x").text()).isEqualTo("NOT_FOUND");
  }

  @Test
  void record_malformed_refusedAsBadRecord() {
    assertThat(cc.call("Record", "!!").message()).isEqualTo("BAD_RECORD: record is not base64");
    byte[] trailing = java.util.Arrays.copyOf(SYNTHESIS, SYNTHESIS.length + 1);
    assertThat(cc.call("Record", b64(trailing)).message())
        .isEqualTo("BAD_RECORD: trailing bytes after the record");
    assertThat(cc.call("Record", b64(ERASURE)).message())
        .isEqualTo("BAD_RECORD: erasure records are logged with Erase");
    assertThat(cc.call("Record").message()).isEqualTo("BAD_REQUEST: expected 1 argument(s), got 0");
    assertThat(cc.call("Nope", "x").message()).isEqualTo("BAD_REQUEST: no function Nope");
  }

  @Test
  void record_withSalt_keepsItInTheSameTransaction() {
    ChaincodeHarness.Answer a = cc.call(salt((byte) 42, (byte) 43), "Record", b64(SYNTHESIS));
    assertThat(a.status()).isEqualTo(200);
    assertThat(cc.ledger.collection(ProvenanceContract.SALTS).get(COMMITMENT))
        .containsExactly(42, 43);
    assertThat(cc.call("Salt", COMMITMENT).text()).isEqualTo(b64(new byte[] {42, 43}));
  }

  @Test
  void record_withSaltButRefused_keepsNeitherRecordNorSalt() {
    cc.call("Record", b64(TestRecords.synthesis(1).encode()));
    byte[] sameMark = variant(1, "manifest-x", new byte[32]);
    assertThat(cc.call(salt((byte) 1), "Record", b64(sameMark)).status()).isEqualTo(500);
    assertThat(cc.ledger.collection(ProvenanceContract.SALTS)).isEmpty();
  }

  @Test
  void record_saltWithoutCommitment_refused() {
    byte[] police = RecordVectors.bytes("police-access");
    assertThat(cc.call(salt((byte) 1), "Record", b64(police)).message())
        .isEqualTo("BAD_RECORD: a consent salt needs a record with a consent commitment");
    assertThat(cc.call(salt(), "Record", b64(SYNTHESIS)).message())
        .isEqualTo("BAD_RECORD: the consent salt must be 1 to 1024 bytes");
  }

  @Test
  void erase_vector_purgesSaltSoTheCommitmentCannotBeLinked() {
    cc.call(salt((byte) 42), "Record", b64(SYNTHESIS));
    ChaincodeHarness.Answer a = cc.call("Erase", b64(ERASURE));
    assertThat(a.text()).contains("\"existing\":false");
    assertThat(cc.ledger.purged()).containsExactly(ProvenanceContract.SALTS + "/" + COMMITMENT);
    assertThat(cc.call("Salt", COMMITMENT).message())
        .isEqualTo("NOT_FOUND: no salt for this commitment");
    assertThat(cc.call("Get", RecordVectors.SYNTHESIS_ID).status()).isEqualTo(200);
    assertThat(cc.call("Erase", b64(ERASURE)).text()).contains("\"existing\":true");
  }

  @Test
  void record_saltAfterErasure_refusedAndNotBroughtBack() {
    cc.call("Erase", b64(ERASURE));
    assertThat(cc.call(salt((byte) 7), "Record", b64(SYNTHESIS)).message())
        .isEqualTo("ERASED: the consent of this commitment was erased; its salt is not kept");
    assertThat(cc.ledger.collection(ProvenanceContract.SALTS)).isEmpty();
  }

  @Test
  void erase_nonErasureRecord_refused() {
    assertThat(cc.call("Erase", b64(SYNTHESIS)).message())
        .isEqualTo("BAD_RECORD: Erase needs an erasure record");
  }

  @Test
  void get_unknownId_notFound() {
    ChaincodeHarness.Answer a = cc.call("Get", "nope");
    assertThat(a.status()).isEqualTo(500);
    assertThat(a.message()).isEqualTo("NOT_FOUND: no record nope");
  }
}

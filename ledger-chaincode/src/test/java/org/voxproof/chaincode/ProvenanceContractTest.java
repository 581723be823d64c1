package org.voxproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;

class ProvenanceContractTest {
  private final ProvenanceContract contract = new ProvenanceContract();
  private final InMemoryStub stub = new InMemoryStub();

  /** A canonical version 1 record (same layout as the ledger module's RecordCodec). */
  static byte[] record(int kind, String id, byte[] watermark, byte[] commitment) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('V');
    out.write(1);
    out.write(kind);
    byte[] idb = id.getBytes(StandardCharsets.US_ASCII);
    out.write(idb.length >>> 8);
    out.write(idb.length);
    out.writeBytes(idb);
    for (byte[] b : new byte[][] {watermark, new byte[32], new byte[32], commitment}) {
      out.write(b.length);
      out.writeBytes(b);
    }
    for (int i = 0; i < 3 + 1 + 8; i++) {
      out.write(0); // licensee, engine, subject (u16 0), detail hash (u8 0), time (8 bytes)
    }
    return out.toByteArray();
  }

  private static byte[] commitment(int n) {
    byte[] c = new byte[32];
    c[0] = (byte) n;
    return c;
  }

  private Context ctx() {
    return new Context(stub.next(Map.of()));
  }

  private String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  @Test
  void record_thenGetAndLookup_returnStoredBytesAndEvent() {
    byte[] r = record(1, "m-1", new byte[] {1, 2, 3, 4}, commitment(1));
    String json = contract.Record(ctx(), b64(r));
    assertThat(json).contains("\"txId\":\"tx1\"").contains("\"existing\":false");
    assertThat(stub.eventName).isEqualTo(ProvenanceContract.EVENT);
    assertThat(stub.eventPayload).isEqualTo(r);
    assertThat(ProvenanceContract.field(contract.Get(ctx(), "m-1"), "record")).isEqualTo(b64(r));
    assertThat(contract.Lookup(ctx(), "01020304")).contains("\"txId\":\"tx1\"");
  }

  @Test
  void record_sameRecordAgain_isIdempotent() {
    byte[] r = record(1, "m-1", new byte[] {1}, commitment(1));
    contract.Record(ctx(), b64(r));
    assertThat(contract.Record(ctx(), b64(r)))
        .contains("\"txId\":\"tx1\"")
        .contains("\"existing\":true");
  }

  @Test
  void record_sameIdOtherBytes_conflict() {
    contract.Record(ctx(), b64(record(1, "m-1", new byte[] {1}, commitment(1))));
    assertThatThrownBy(
            () -> contract.Record(ctx(), b64(record(1, "m-1", new byte[] {2}, commitment(1)))))
        .isInstanceOf(ChaincodeException.class)
        .extracting(e -> new String(((ChaincodeException) e).getPayload(), StandardCharsets.UTF_8))
        .isEqualTo("ID_CONFLICT");
  }

  @Test
  void record_watermarkTaken_refused() {
    contract.Record(ctx(), b64(record(1, "m-1", new byte[] {7}, commitment(1))));
    assertThatThrownBy(
            () -> contract.Record(ctx(), b64(record(1, "m-2", new byte[] {7}, commitment(2)))))
        .isInstanceOf(ChaincodeException.class)
        .extracting(e -> new String(((ChaincodeException) e).getPayload(), StandardCharsets.UTF_8))
        .isEqualTo("WATERMARK_TAKEN");
  }

  @Test
  void record_malformed_refusedAsBadRecord() {
    assertThatThrownBy(() -> contract.Record(ctx(), "!!"))
        .isInstanceOf(ChaincodeException.class)
        .extracting(e -> new String(((ChaincodeException) e).getPayload(), StandardCharsets.UTF_8))
        .isEqualTo("BAD_RECORD");
    assertThatThrownBy(() -> contract.Record(ctx(), b64(new byte[] {'V', 1, 1, 0})))
        .isInstanceOf(ChaincodeException.class);
  }

  @Test
  void erase_purgesSaltFromPrivateData_soCommitmentCannotBeLinked() {
    byte[] c = commitment(9);
    String hex = HexFormat.of().formatHex(c);
    contract.Record(ctx(), b64(record(1, "m-9", new byte[] {9}, c)));
    Context withSalt = new Context(stub.next(Map.of("consentSalt", new byte[] {42, 43})));
    contract.StoreSalt(withSalt, hex);
    assertThat(contract.Salt(ctx(), hex)).isEqualTo(b64(new byte[] {42, 43}));

    String json = contract.Erase(ctx(), b64(record(3, "erase-9", new byte[0], c)));

    assertThat(json).contains("\"existing\":false");
    assertThat(stub.purged).containsExactly(ProvenanceContract.SALTS + "/" + hex);
    assertThatThrownBy(() -> contract.Salt(ctx(), hex))
        .isInstanceOf(ChaincodeException.class)
        .hasMessageContaining("no salt");
    assertThat(contract.Get(ctx(), "m-9")).contains("\"record\"");
  }

  @Test
  void storeSalt_withoutTransientSalt_refused() {
    String hex = HexFormat.of().formatHex(commitment(1));
    assertThatThrownBy(() -> contract.StoreSalt(ctx(), hex))
        .isInstanceOf(ChaincodeException.class)
        .hasMessageContaining("transient salt");
    assertThat(stub.collection(ProvenanceContract.SALTS)).isEmpty();
  }

  @Test
  void erase_nonErasureRecord_refused() {
    assertThatThrownBy(
            () -> contract.Erase(ctx(), b64(record(1, "m-1", new byte[] {1}, commitment(1)))))
        .isInstanceOf(ChaincodeException.class)
        .hasMessageContaining("erasure record");
  }

  @Test
  void get_unknownId_notFound() {
    assertThatThrownBy(() -> contract.Get(ctx(), "nope"))
        .isInstanceOf(ChaincodeException.class)
        .extracting(e -> new String(((ChaincodeException) e).getPayload(), StandardCharsets.UTF_8))
        .isEqualTo("NOT_FOUND");
  }
}

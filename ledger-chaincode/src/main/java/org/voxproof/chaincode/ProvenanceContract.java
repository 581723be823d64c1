package org.voxproof.chaincode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * VoxProof's provenance chaincode. World state holds each record's canonical bytes (hashes,
 * identifiers and commitments only) under its id, and an index from watermark to id. The salt of a
 * consent commitment lives in the private data collection {@value #SALTS}; {@code Erase} purges it
 * ({@code purgePrivateData}: gone from every peer's private store and its history), so the on-chain
 * commitment can no longer be linked to the consent token.
 *
 * <p>Every function answers {@code {"txId":..,"record":base64,"existing":bool}}; errors carry a
 * stable payload: {@code NOT_FOUND}, {@code ID_CONFLICT}, {@code WATERMARK_TAKEN}, {@code
 * BAD_RECORD}.
 */
@Contract(name = "voxproof", info = @Info(title = "VoxProof provenance ledger", version = "0.1.0"))
@Default
public final class ProvenanceContract implements ContractInterface {
  /** The private data collection of consent salts (see collections_config.json). */
  public static final String SALTS = "consentSalts";

  /** Transient-map key carrying the consent salt on {@code Record}. */
  public static final String SALT_TRANSIENT_KEY = "consentSalt";

  /** Chaincode event name for every new record; the payload is the record's canonical bytes. */
  public static final String EVENT = "voxproof.record";

  /** Appends a record (base64 canonical bytes); idempotent on the record id. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String Record(Context ctx, String recordBase64) {
    ChaincodeStub stub = ctx.getStub();
    byte[] record = decode(recordBase64);
    RecordHeader h = header(record);
    String existing = existing(stub, h, record);
    if (existing != null) {
      return existing;
    }
    if (h.kind() == RecordHeader.SYNTHESIS) {
      String wmKey = key(stub, "wm", h.watermarkHex());
      if (stub.getState(wmKey) != null && stub.getState(wmKey).length > 0) {
        throw new ChaincodeException(
            "watermark " + h.watermarkHex() + " is taken", "WATERMARK_TAKEN");
      }
      stub.putState(wmKey, h.id().getBytes(StandardCharsets.UTF_8));
    }
    return store(stub, h, record);
  }

  /**
   * Keeps the consent salt of {@code commitmentHex} (transient key {@value #SALT_TRANSIENT_KEY}) in
   * the private collection. Submitted apart from {@code Record} and endorsed by the operator's
   * peers only: an endorser sees the transient salt, so auditor organisations must not endorse it.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public void StoreSalt(Context ctx, String commitmentHex) {
    ChaincodeStub stub = ctx.getStub();
    Map<String, byte[]> transientData = stub.getTransient();
    byte[] salt = transientData == null ? null : transientData.get(SALT_TRANSIENT_KEY);
    if (salt == null || salt.length == 0 || !commitmentHex.matches("[0-9a-f]{64}")) {
      throw new ChaincodeException(
          "StoreSalt needs a commitment and a transient salt", "BAD_RECORD");
    }
    stub.putPrivateData(SALTS, commitmentHex, salt);
  }

  /**
   * Logs an erasure record and purges the consent salt of its commitment from the private data
   * collection.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String Erase(Context ctx, String recordBase64) {
    ChaincodeStub stub = ctx.getStub();
    byte[] record = decode(recordBase64);
    RecordHeader h = header(record);
    if (h.kind() != RecordHeader.ERASURE || h.commitmentHex().isEmpty()) {
      throw new ChaincodeException("Erase needs an erasure record", "BAD_RECORD");
    }
    String existing = existing(stub, h, record);
    // SPEC: Fabric v2.5 purgePrivateData: removes the key and its history from the collection.
    stub.purgePrivateData(SALTS, h.commitmentHex());
    return existing != null ? existing : store(stub, h, record);
  }

  /** The record with this id. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String Get(Context ctx, String id) {
    byte[] v = ctx.getStub().getState(key(ctx.getStub(), "rec", id));
    if (v == null || v.length == 0) {
      throw new ChaincodeException("no record " + id, "NOT_FOUND");
    }
    return new String(v, StandardCharsets.UTF_8);
  }

  /** The synthesis record carrying this watermark payload (hex). */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String Lookup(Context ctx, String watermarkHex) {
    byte[] id =
        ctx.getStub()
            .getState(key(ctx.getStub(), "wm", watermarkHex.toLowerCase(java.util.Locale.ROOT)));
    if (id == null || id.length == 0) {
      throw new ChaincodeException("no record with this watermark", "NOT_FOUND");
    }
    return Get(ctx, new String(id, StandardCharsets.UTF_8));
  }

  /** The salt of a consent commitment, for members of the collection; gone after erasure. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String Salt(Context ctx, String commitmentHex) {
    byte[] salt = ctx.getStub().getPrivateData(SALTS, commitmentHex);
    if (salt == null || salt.length == 0) {
      throw new ChaincodeException("no salt for this commitment", "NOT_FOUND");
    }
    return Base64.getEncoder().encodeToString(salt);
  }

  private static String existing(ChaincodeStub stub, RecordHeader h, byte[] record) {
    byte[] v = stub.getState(key(stub, "rec", h.id()));
    if (v == null || v.length == 0) {
      return null;
    }
    String json = new String(v, StandardCharsets.UTF_8);
    String stored = field(json, "record");
    if (!Arrays.equals(Base64.getDecoder().decode(stored), record)) {
      throw new ChaincodeException("id " + h.id() + " is logged with other content", "ID_CONFLICT");
    }
    return json.replace("\"existing\":false", "\"existing\":true");
  }

  private static String store(ChaincodeStub stub, RecordHeader h, byte[] record) {
    String json =
        "{\"txId\":\""
            + stub.getTxId()
            + "\",\"record\":\""
            + Base64.getEncoder().encodeToString(record)
            + "\",\"existing\":false}";
    stub.putState(key(stub, "rec", h.id()), json.getBytes(StandardCharsets.UTF_8));
    stub.setEvent(EVENT, record);
    return json;
  }

  private static String key(ChaincodeStub stub, String type, String value) {
    return stub.createCompositeKey(type, value).toString();
  }

  private static byte[] decode(String b64) {
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new ChaincodeException("record is not base64", "BAD_RECORD");
    }
  }

  private static RecordHeader header(byte[] record) {
    try {
      return RecordHeader.parse(record);
    } catch (IllegalArgumentException e) {
      throw new ChaincodeException(e.getMessage(), "BAD_RECORD");
    }
  }

  /** Reads a string field of the flat JSON this contract writes (no escapes needed). */
  static String field(String json, String name) {
    int i = json.indexOf("\"" + name + "\":\"");
    if (i < 0) {
      throw new ChaincodeException("corrupt state", "BAD_RECORD");
    }
    int start = i + name.length() + 4;
    return json.substring(start, json.indexOf('"', start));
  }
}

package org.voxproof.chaincode;

import static org.voxproof.chaincode.ChaincodeErrors.BAD_RECORD;
import static org.voxproof.chaincode.ChaincodeErrors.ERASED;
import static org.voxproof.chaincode.ChaincodeErrors.ID_CONFLICT;
import static org.voxproof.chaincode.ChaincodeErrors.NOT_FOUND;
import static org.voxproof.chaincode.ChaincodeErrors.WATERMARK_TAKEN;
import static org.voxproof.chaincode.ChaincodeErrors.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.RecordKind;

/**
 * VoxProof's provenance records on the channel. World state holds each record's canonical bytes
 * (decoded and checked with the ledger module's one codec, {@link LedgerRecord#decode}) under its
 * id, and an index from watermark to id. The consent salt of a commitment arrives with its record,
 * in the same transaction, as transient data (never in a block) and is kept in the private data
 * collection {@value #SALTS}; {@code Erase} purges it ({@code purgePrivateData}: gone from every
 * member peer's store and its history), so the on-chain commitment can no longer be linked to the
 * consent token.
 *
 * <p>Answers are {@code {"txId":..,"record":base64,"existing":bool}}; refusals carry a stable code
 * (see {@link ChaincodeErrors}).
 */
public final class ProvenanceContract {
  /** The private data collection of consent salts (see collections_config.json). */
  public static final String SALTS = "consentSalts";

  /** Transient-map key carrying the consent salt on {@code Record}. */
  public static final String SALT_TRANSIENT_KEY = "consentSalt";

  /** Chaincode event name for every new record; the payload is the record's canonical bytes. */
  public static final String EVENT = "voxproof.record";

  /**
   * Appends a record (base64 canonical bytes), and the consent salt when the transient map carries
   * one; idempotent on the record id (an identical record again returns the first answer and writes
   * nothing, so a retry never brings back a purged salt).
   */
  public String record(ChaincodeStub stub, String recordBase64) {
    byte[] bytes = decode(recordBase64);
    LedgerRecord r = parse(bytes);
    if (r.kind() == RecordKind.ERASURE) {
      throw fail(BAD_RECORD, "erasure records are logged with Erase");
    }
    byte[] salt = transientSalt(stub);
    if (salt != null && r.consentCommitment().length == 0) {
      throw fail(BAD_RECORD, "a consent salt needs a record with a consent commitment");
    }
    String existing = existing(stub, r, bytes);
    if (existing != null) {
      return existing;
    }
    if (salt != null) {
      String commitment = HexFormat.of().formatHex(r.consentCommitment());
      if (present(stub.getState(key(stub, "erased", commitment)))) {
        throw fail(ERASED, "the consent of this commitment was erased; its salt is not kept");
      }
      stub.putPrivateData(SALTS, commitment, salt);
    }
    if (r.kind() == RecordKind.SYNTHESIS) {
      String wmKey = key(stub, "wm", r.watermarkHex());
      if (present(stub.getState(wmKey))) {
        throw fail(WATERMARK_TAKEN, "watermark " + r.watermarkHex() + " is taken");
      }
      stub.putState(wmKey, r.id().getBytes(StandardCharsets.UTF_8));
    }
    return store(stub, r, bytes);
  }

  /**
   * Logs an erasure record and purges the consent salt of its commitment from the private data
   * collection (also when the record was logged before: a retried erasure still purges).
   */
  public String erase(ChaincodeStub stub, String recordBase64) {
    byte[] bytes = decode(recordBase64);
    LedgerRecord r = parse(bytes);
    if (r.kind() != RecordKind.ERASURE) {
      throw fail(BAD_RECORD, "Erase needs an erasure record");
    }
    String commitment = HexFormat.of().formatHex(r.consentCommitment());
    String existing = existing(stub, r, bytes);
    // SPEC: Fabric v2.5 purgePrivateData: removes the key and its history from the collection.
    stub.purgePrivateData(SALTS, commitment);
    if (existing != null) {
      return existing;
    }
    stub.putState(key(stub, "erased", commitment), r.id().getBytes(StandardCharsets.UTF_8));
    return store(stub, r, bytes);
  }

  /** The record with this id. */
  public String get(ChaincodeStub stub, String id) {
    byte[] v = stub.getState(key(stub, "rec", id));
    if (!present(v)) {
      throw fail(NOT_FOUND, "no record " + id);
    }
    return new String(v, StandardCharsets.UTF_8);
  }

  /** The synthesis record carrying this watermark payload (hex). */
  public String lookup(ChaincodeStub stub, String watermarkHex) {
    byte[] id = stub.getState(key(stub, "wm", watermarkHex.toLowerCase(Locale.ROOT)));
    if (!present(id)) {
      throw fail(NOT_FOUND, "no record with this watermark");
    }
    return get(stub, new String(id, StandardCharsets.UTF_8));
  }

  /** The stored salt of a consent commitment, for members of the collection; gone after erasure. */
  public String salt(ChaincodeStub stub, String commitmentHex) {
    byte[] salt = stub.getPrivateData(SALTS, commitmentHex);
    if (!present(salt)) {
      throw fail(NOT_FOUND, "no salt for this commitment");
    }
    return Base64.getEncoder().encodeToString(salt);
  }

  private static byte[] transientSalt(ChaincodeStub stub) {
    Map<String, byte[]> t = stub.getTransient();
    byte[] salt = t == null ? null : t.get(SALT_TRANSIENT_KEY);
    if (salt != null && (salt.length == 0 || salt.length > 1024)) {
      throw fail(BAD_RECORD, "the consent salt must be 1 to 1024 bytes");
    }
    return salt;
  }

  private static String existing(ChaincodeStub stub, LedgerRecord r, byte[] bytes) {
    byte[] v = stub.getState(key(stub, "rec", r.id()));
    if (!present(v)) {
      return null;
    }
    String json = new String(v, StandardCharsets.UTF_8);
    if (!Arrays.equals(Base64.getDecoder().decode(field(json, "record")), bytes)) {
      throw fail(ID_CONFLICT, "id " + r.id() + " is logged with other content");
    }
    return json.replace("\"existing\":false", "\"existing\":true");
  }

  private static String store(ChaincodeStub stub, LedgerRecord r, byte[] bytes) {
    String json =
        "{\"txId\":\""
            + stub.getTxId()
            + "\",\"record\":\""
            + Base64.getEncoder().encodeToString(bytes)
            + "\",\"existing\":false}";
    stub.putState(key(stub, "rec", r.id()), json.getBytes(StandardCharsets.UTF_8));
    stub.setEvent(EVENT, bytes);
    return json;
  }

  private static boolean present(byte[] v) {
    return v != null && v.length > 0;
  }

  private static String key(ChaincodeStub stub, String type, String value) {
    return stub.createCompositeKey(type, value).toString();
  }

  private static byte[] decode(String b64) {
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw fail(BAD_RECORD, "record is not base64");
    }
  }

  private static LedgerRecord parse(byte[] bytes) {
    try {
      return LedgerRecord.decode(bytes);
    } catch (IllegalArgumentException e) {
      throw fail(BAD_RECORD, e.getMessage());
    }
  }

  /** Reads a string field of the flat JSON this contract writes (no escapes needed). */
  static String field(String json, String name) {
    int i = json.indexOf("\"" + name + "\":\"");
    if (i < 0) {
      throw fail(BAD_RECORD, "corrupt state");
    }
    int start = i + name.length() + 4;
    return json.substring(start, json.indexOf('"', start));
  }
}

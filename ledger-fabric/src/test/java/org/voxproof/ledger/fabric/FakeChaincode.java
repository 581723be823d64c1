package org.voxproof.ledger.fabric;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.RecordKind;

/**
 * A FAKE of the project's chaincode for {@link FakeGateway}: the same functions, answers and error
 * messages as {@code ProvenanceContract}, over in-memory maps. Writes are applied at commit, with
 * an MVCC check on the record id as a peer would do.
 */
final class FakeChaincode {
  final String name;
  final Map<String, String> state = new ConcurrentHashMap<>();
  final Map<String, String> watermarks = new ConcurrentHashMap<>();
  final Map<String, byte[]> salts = new ConcurrentHashMap<>();
  final List<String> purged = new CopyOnWriteArrayList<>();

  FakeChaincode(String name) {
    this.name = name;
  }

  /** The outcome of simulating one invocation. */
  @SuppressWarnings("ArrayRecordComponent") // test data, never compared
  record Result(
      int status,
      byte[] payload,
      String message,
      String eventName,
      byte[] eventPayload,
      Runnable writes,
      String createdId) {
    static Result ok(byte[] payload) {
      return new Result(200, payload, "", null, null, () -> {}, null);
    }

    static Result error(String message) {
      return new Result(500, new byte[0], message, null, null, () -> {}, null);
    }
  }

  Result execute(String fn, List<String> args, Map<String, ByteString> transientMap, String txId) {
    try {
      return switch (fn) {
        case "Record" -> record(args.get(0), txId, false);
        case "Erase" -> record(args.get(0), txId, true);
        case "Get" -> get(args.get(0));
        case "StoreSalt" -> storeSalt(args.get(0), transientMap);
        case "Lookup" -> {
          String id = watermarks.get(args.get(0));
          yield id == null ? Result.error("no record with this watermark") : get(id);
        }
        default -> Result.error("no function " + fn);
      };
    } catch (IllegalArgumentException e) {
      return Result.error(e.getMessage());
    }
  }

  /** MVCC: a transaction that created an id is invalid if another one committed it first. */
  boolean stillValid(Result r) {
    return r.createdId() == null || !state.containsKey(r.createdId());
  }

  private Result storeSalt(String commitmentHex, Map<String, ByteString> tr) {
    ByteString salt = tr.get(FabricLedger.SALT_TRANSIENT_KEY);
    if (salt == null || salt.isEmpty()) {
      return Result.error("StoreSalt needs a commitment and a transient salt");
    }
    return new Result(
        200, new byte[0], "", null, null, () -> salts.put(commitmentHex, salt.toByteArray()), null);
  }

  private Result get(String id) {
    String json = state.get(id);
    return json == null
        ? Result.error("no record " + id)
        : Result.ok(json.getBytes(StandardCharsets.UTF_8));
  }

  private Result record(String b64, String txId, boolean erase) {
    byte[] bytes = Base64.getDecoder().decode(b64);
    LedgerRecord r = LedgerRecord.decode(bytes);
    String hexCommitment = java.util.HexFormat.of().formatHex(r.consentCommitment());
    if (erase && r.kind() != RecordKind.ERASURE) {
      return Result.error("Erase needs an erasure record");
    }
    String existing = state.get(r.id());
    if (existing != null) {
      String stored = existing.replaceAll(".*\"record\":\"([^\"]*)\".*", "$1");
      if (!Arrays.equals(Base64.getDecoder().decode(stored), bytes)) {
        return Result.error("id " + r.id() + " is logged with other content");
      }
      return Result.ok(
          existing
              .replace("\"existing\":false", "\"existing\":true")
              .getBytes(StandardCharsets.UTF_8));
    }
    if (r.kind() == RecordKind.SYNTHESIS && watermarks.containsKey(r.watermarkHex())) {
      return Result.error("watermark " + r.watermarkHex() + " is taken");
    }
    String json = "{\"txId\":\"" + txId + "\",\"record\":\"" + b64 + "\",\"existing\":false}";
    Runnable writes =
        () -> {
          state.put(r.id(), json);
          if (r.kind() == RecordKind.SYNTHESIS) {
            watermarks.put(r.watermarkHex(), r.id());
          }
          if (erase) {
            salts.remove(hexCommitment);
            purged.add(hexCommitment);
          }
        };
    return new Result(
        200, json.getBytes(StandardCharsets.UTF_8), "", FabricLedger.EVENT, bytes, writes, r.id());
  }
}

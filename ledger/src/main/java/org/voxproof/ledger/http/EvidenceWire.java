package org.voxproof.ledger.http;

import io.vertx.core.json.JsonObject;
import java.util.Base64;
import org.voxproof.ledger.AnchoredEvidence;
import org.voxproof.ledger.FabricEvidence;
import org.voxproof.ledger.FabricTransactionProof;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerEvidence;
import org.voxproof.ledger.LedgerJson;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.TlogProofEvidence;

/**
 * The JSON of {@link LedgerEvidence} between nodes ({@code GET /internal/v1/ledger/evidence/{id}}):
 * {@code kind} {@code tlog}, {@code fabric} or {@code anchored}; the entry as {@link
 * LedgerJson#entry} prints it (its {@code data} is the canonical record, decoded again here); the
 * tlog proof text verbatim; Fabric transactions with their bytes in base64. Every variant survives
 * the round trip unchanged, so the detector's evidence bundle is the same as in one process.
 */
public final class EvidenceWire {
  private EvidenceWire() {}

  /** The JSON of {@code e}. */
  public static JsonObject toJson(LedgerEvidence e) {
    JsonObject j = new JsonObject().put("entry", new JsonObject(LedgerJson.entry(e.entry())));
    if (e instanceof TlogProofEvidence t) {
      return j.put("kind", "tlog").put("tlogProof", t.tlogProof());
    }
    if (e instanceof FabricEvidence f) {
      return j.put("kind", "fabric").put("transaction", tx(f.transaction()));
    }
    AnchoredEvidence a = (AnchoredEvidence) e;
    j.put("kind", "anchored").put("tlogProof", a.tlog().tlogProof()).put("anchor", tx(a.anchor()));
    return j;
  }

  /**
   * The evidence of {@code j}.
   *
   * @throws IllegalArgumentException when {@code j} is not evidence of this shape
   */
  public static LedgerEvidence fromJson(JsonObject j) {
    try {
      LedgerEntry entry = entry(j.getJsonObject("entry"));
      return switch (j.getString("kind", "")) {
        case "tlog" -> new TlogProofEvidence(entry, j.getString("tlogProof"));
        case "fabric" -> new FabricEvidence(entry, tx(j.getJsonObject("transaction")));
        case "anchored" ->
            new AnchoredEvidence(
                new TlogProofEvidence(entry, j.getString("tlogProof")),
                tx(j.getJsonObject("anchor")));
        default -> throw new IllegalArgumentException("unknown evidence kind");
      };
    } catch (ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("malformed evidence: " + e.getMessage(), e);
    }
  }

  /** An entry from {@code {"index","data"}} ({@link LedgerJson#entry}). */
  public static LedgerEntry entry(JsonObject j) {
    try {
      long index = j.getLong("index");
      byte[] data = Base64.getDecoder().decode(j.getString("data"));
      return new LedgerEntry(index, LedgerRecord.decode(data));
    } catch (ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("malformed entry: " + e.getMessage(), e);
    }
  }

  private static JsonObject tx(FabricTransactionProof t) {
    Base64.Encoder b64 = Base64.getEncoder();
    return new JsonObject()
        .put("channel", t.channel())
        .put("transactionId", t.transactionId())
        .put("blockNumber", t.blockNumber())
        .put("processedTransaction", b64.encodeToString(t.processedTransaction()))
        .put("block", b64.encodeToString(t.block()))
        .put("configBlock", b64.encodeToString(t.configBlock()));
  }

  private static FabricTransactionProof tx(JsonObject j) {
    Base64.Decoder b64 = Base64.getDecoder();
    return new FabricTransactionProof(
        j.getString("channel"),
        j.getString("transactionId"),
        j.getLong("blockNumber"),
        b64.decode(j.getString("processedTransaction")),
        b64.decode(j.getString("block")),
        b64.decode(j.getString("configBlock")));
  }
}

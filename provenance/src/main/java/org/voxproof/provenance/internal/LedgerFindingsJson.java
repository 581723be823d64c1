package org.voxproof.provenance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.voxproof.ledger.FabricTransactionProof;
import org.voxproof.provenance.LedgerFindings;

/**
 * The {@code ledger} object of the evidence payload, one shape per variant (docs/provenance.md):
 * every variant has {@code type, origin, index, record}; the tlog proof adds {@code proof,
 * verifierKey}; Fabric adds the transaction ({@code channel, transactionId, processedTransaction,
 * block, configBlock}); the hybrid adds the tlog fields and the anchoring transaction as {@code
 * anchor}. Binary fields are base64url without padding.
 */
final class LedgerFindingsJson {
  private LedgerFindingsJson() {}

  static Map<String, Object> write(LedgerFindings l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", l.type());
    m.put("origin", l.origin());
    m.put("index", l.index());
    m.put("record", b64(l.record()));
    if (l instanceof LedgerFindings.Tlog t) {
      tlog(m, t);
    } else if (l instanceof LedgerFindings.Fabric f) {
      m.putAll(transaction(f.transaction(), false));
    } else if (l instanceof LedgerFindings.Anchored a) {
      tlog(m, a.tlog());
      m.put("anchor", transaction(a.anchor(), true));
    }
    return m;
  }

  private static void tlog(Map<String, Object> m, LedgerFindings.Tlog t) {
    m.put("proof", t.proof());
    m.put("verifierKey", t.verifierKey());
  }

  private static Map<String, Object> transaction(FabricTransactionProof p, boolean withBlock) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("channel", p.channel());
    m.put("transactionId", p.transactionId());
    if (withBlock) {
      m.put("blockNumber", p.blockNumber());
    }
    m.put("processedTransaction", b64(p.processedTransaction()));
    m.put("block", b64(p.block()));
    m.put("configBlock", b64(p.configBlock()));
    return m;
  }

  /** Reads a {@code ledger} object; IllegalArgumentException when malformed. */
  static LedgerFindings read(JsonNode l) {
    String type = EvidenceJson.text(l, "type");
    String origin = EvidenceJson.text(l, "origin");
    long index = EvidenceJson.num(l, "index");
    byte[] record = bytes(l, "record");
    return switch (type) {
      case LedgerFindings.TLOG_PROOF -> tlog(l, origin, index, record);
      case LedgerFindings.FABRIC_TRANSACTION ->
          new LedgerFindings.Fabric(origin, index, record, transaction(l, index));
      case LedgerFindings.ANCHORED_TLOG -> {
        JsonNode anchor = l.get("anchor");
        if (anchor == null || !anchor.isObject()) {
          throw new IllegalArgumentException("missing object anchor");
        }
        yield new LedgerFindings.Anchored(
            tlog(l, origin, index, record),
            transaction(anchor, EvidenceJson.num(anchor, "blockNumber")));
      }
      default -> throw new IllegalArgumentException("unknown ledger evidence type " + type);
    };
  }

  private static LedgerFindings.Tlog tlog(JsonNode l, String origin, long index, byte[] record) {
    return new LedgerFindings.Tlog(
        origin, index, record, EvidenceJson.text(l, "proof"), EvidenceJson.text(l, "verifierKey"));
  }

  private static FabricTransactionProof transaction(JsonNode t, long blockNumber) {
    return new FabricTransactionProof(
        EvidenceJson.text(t, "channel"),
        EvidenceJson.text(t, "transactionId"),
        blockNumber,
        bytes(t, "processedTransaction"),
        bytes(t, "block"),
        bytes(t, "configBlock"));
  }

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static byte[] bytes(JsonNode n, String field) {
    return Base64.getUrlDecoder().decode(EvidenceJson.text(n, field));
  }
}

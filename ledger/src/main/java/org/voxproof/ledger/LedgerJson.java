package org.voxproof.ledger;

import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of ledger entries and proofs, as ordered maps: the one mapping the HTTP routes
 * ({@code /v1/ledger/...}) and the CLI print, so both show the same fields. Hashes of the tree are
 * base64 (as in C2SP tlog proofs), record fields hex.
 */
public final class LedgerJson {
  private LedgerJson() {}

  /**
   * {@code {"index","leafHash","data","record":{...}}}: {@code data} is the canonical encoding
   * (base64) whose RFC 9162 leaf hash is {@code leafHash}.
   */
  public static Map<String, Object> entry(LedgerEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", e.index());
    m.put("leafHash", b64(e.leafHash()));
    m.put("data", b64(e.record().encode()));
    m.put("record", record(e.record()));
    return m;
  }

  /** The record's fields; hashes in lowercase hex, {@code time} ISO-8601. */
  public static Map<String, Object> record(LedgerRecord r) {
    HexFormat hex = HexFormat.of();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
    m.put("id", r.id());
    m.put("watermark", hex.formatHex(r.watermark()));
    m.put("audioSha256", hex.formatHex(r.audioSha256()));
    m.put("manifestHash", hex.formatHex(r.manifestHash()));
    m.put("consentCommitment", hex.formatHex(r.consentCommitment()));
    m.put("licensee", r.licensee());
    m.put("engine", r.engine());
    m.put("subject", r.subject());
    m.put("detailHash", hex.formatHex(r.detailHash()));
    m.put("time", r.time().toString());
    return m;
  }

  /** {@code {"index","treeSize","leafHash","hashes":[...]}}. */
  public static Map<String, Object> inclusionProof(InclusionProof p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", p.index());
    m.put("treeSize", p.treeSize());
    m.put("leafHash", b64(p.leafHash()));
    m.put("hashes", hashes(p.hashes()));
    return m;
  }

  /** {@code {"from","to","hashes":[...]}}. */
  public static Map<String, Object> consistencyProof(ConsistencyProof p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", p.fromSize());
    m.put("to", p.toSize());
    m.put("hashes", hashes(p.hashes()));
    return m;
  }

  private static List<String> hashes(List<byte[]> hs) {
    return hs.stream().map(LedgerJson::b64).toList();
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}

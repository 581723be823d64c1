package org.voxproof.app.server;

import java.util.ArrayList;
import java.util.List;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.provenance.KeyRing;
import org.voxproof.storage.Storage;

/**
 * Whether {@code voxproof serve} should get traffic: the server accepts ({@code starting} until it
 * listens, {@code stopping} from the first moment of shutdown), the database answers, the ledger
 * returns its checkpoint and the key ring is open. Each probe blocks: call on a worker.
 */
final class Readiness {
  private final Storage db;
  private final ProvenanceLedger ledger;
  private final KeyRing keys;
  private volatile String state = "starting";

  Readiness(Storage db, ProvenanceLedger ledger, KeyRing keys) {
    this.db = db;
    this.ledger = ledger;
    this.keys = keys;
  }

  void accepting() {
    state = "accepting";
  }

  void stopping() {
    state = "stopping";
  }

  /**
   * What is not ready ({@code starting}, {@code stopping}, {@code database}, ...); empty: ready.
   */
  List<String> failing() {
    List<String> out = new ArrayList<>();
    String s = state;
    if (!s.equals("accepting")) {
      out.add(s);
      return out;
    }
    try {
      if (db.read(sql -> sql.queryOne("SELECT 1", rs -> rs.getInt(1))).isEmpty()) {
        out.add("database");
      }
    } catch (Exception | Error e) {
      out.add("database");
    }
    try {
      ledger.latestCheckpoint();
    } catch (Exception | Error e) {
      out.add("ledger");
    }
    try {
      if (keys.generation() < 1) {
        out.add("key_ring");
      }
    } catch (RuntimeException e) {
      out.add("key_ring");
    }
    return out;
  }
}

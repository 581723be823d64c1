package org.voxproof.chaincode;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * An in-memory {@link ChaincodeStub} for unit tests: world state, one private data collection
 * store, transient data, the event set by the transaction, and a record of purges. Only the calls
 * the contract makes are implemented; any other call fails the test.
 */
final class InMemoryStub {
  final Map<String, byte[]> state = new HashMap<>();
  final Map<String, Map<String, byte[]>> privateData = new HashMap<>();
  final List<String> purged = new ArrayList<>();
  Map<String, byte[]> transientData = new HashMap<>();
  String eventName;
  byte[] eventPayload;
  private final byte[] creator;
  private int tx;

  InMemoryStub() {
    try {
      creator = TestIdentity.serialized("VoxProofMSP");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stub for the next transaction (fresh tx id, transient data and event). */
  ChaincodeStub next(Map<String, byte[]> transientMap) {
    tx++;
    transientData = transientMap;
    eventName = null;
    eventPayload = null;
    String txId = "tx" + tx;
    return (ChaincodeStub)
        Proxy.newProxyInstance(
            ChaincodeStub.class.getClassLoader(),
            new Class<?>[] {ChaincodeStub.class},
            (proxy, m, a) ->
                switch (m.getName()) {
                  case "getTxId" -> txId;
                  case "getCreator" -> creator.clone();
                  case "getState" -> state.get((String) a[0]);
                  case "putState" -> {
                    state.put((String) a[0], ((byte[]) a[1]).clone());
                    yield null;
                  }
                  case "createCompositeKey" -> new CompositeKey((String) a[0], (String[]) a[1]);
                  case "getTransient" -> transientData;
                  case "setEvent" -> {
                    eventName = (String) a[0];
                    eventPayload = (byte[]) a[1];
                    yield null;
                  }
                  case "getPrivateData" -> collection((String) a[0]).get((String) a[1]);
                  case "putPrivateData" -> {
                    collection((String) a[0]).put((String) a[1], ((byte[]) a[2]).clone());
                    yield null;
                  }
                  case "purgePrivateData" -> {
                    collection((String) a[0]).remove((String) a[1]);
                    purged.add(a[0] + "/" + a[1]);
                    yield null;
                  }
                  case "toString" -> "InMemoryStub[" + txId + "]";
                  default -> throw new UnsupportedOperationException(m.getName());
                });
  }

  Map<String, byte[]> collection(String name) {
    return privateData.computeIfAbsent(name, k -> new HashMap<>());
  }
}

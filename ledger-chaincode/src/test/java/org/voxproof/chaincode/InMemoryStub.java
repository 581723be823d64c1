package org.voxproof.chaincode;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * An in-memory world state with Fabric's transaction semantics, for running the real chaincode in
 * tests: a transaction is simulated against the committed state (reads do not see the transaction's
 * own writes, as on a peer), recording its read versions, writes, private writes, purges and event;
 * committing it applies them only if every key it read still has the version it read (MVCC, as the
 * peer's validator), else it is invalid and changes nothing. Only the stub calls the chaincode
 * makes are implemented; any other call fails loudly.
 */
public final class InMemoryStub {
  private record Versioned(byte[] value, long version) {}

  /** A chaincode event. */
  public record Event(String name, byte[] payload) {}

  private final TreeMap<String, Versioned> state = new TreeMap<>();
  private final Map<String, Map<String, byte[]>> privateData = new HashMap<>();
  private final List<String> purged = new ArrayList<>();
  private long version;

  /** One simulated transaction. */
  public final class Simulation {
    private final String txId;
    private final byte[] creator;
    private final List<String> args;
    private final Map<String, byte[]> transientData;
    private final Map<String, Long> reads = new HashMap<>();
    private final Map<String, byte[]> writes = new LinkedHashMap<>();
    private final Map<String, byte[]> privateWrites = new LinkedHashMap<>();
    private final List<String> purges = new ArrayList<>();
    private Event event;

    private Simulation(
        String txId, byte[] creator, List<String> args, Map<String, byte[]> transientData) {
      this.txId = txId;
      this.creator = creator.clone();
      this.args = List.copyOf(args);
      this.transientData = Map.copyOf(transientData);
    }

    /** The event the transaction set, or null. */
    public Event event() {
      return event;
    }

    /** Keys ({@code collection/key}) the transaction writes to private data collections. */
    public List<String> privateWriteKeys() {
      return List.copyOf(privateWrites.keySet());
    }

    /** The stub the chaincode runs this transaction on. */
    public ChaincodeStub stub() {
      return (ChaincodeStub)
          Proxy.newProxyInstance(
              ChaincodeStub.class.getClassLoader(),
              new Class<?>[] {ChaincodeStub.class},
              (proxy, m, a) -> call(m.getName(), a));
    }

    @SuppressWarnings("unchecked")
    private Object call(String method, Object[] a) {
      return switch (method) {
        case "getTxId" -> txId;
        case "getChannelId" -> "voxproof";
        case "getCreator" -> creator.clone();
        case "getFunction" -> args.isEmpty() ? null : args.get(0);
        case "getParameters" -> args.isEmpty() ? List.of() : args.subList(1, args.size());
        case "getStringArgs" -> args;
        case "getArgs" -> args.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        case "getTransient" -> transientData;
        case "getState" -> read((String) a[0]);
        case "putState" -> put(writes, (String) a[0], (byte[]) a[1]);
        case "createCompositeKey" -> new CompositeKey((String) a[0], (String[]) a[1]);
        case "getStateByRange" -> range((String) a[0], (String) a[1]);
        case "setEvent" -> {
          event = new Event((String) a[0], ((byte[]) a[1]).clone());
          yield null;
        }
        case "getPrivateData" -> collection((String) a[0]).get((String) a[1]);
        case "putPrivateData" -> put(privateWrites, a[0] + "/" + a[1], (byte[]) a[2]);
        case "purgePrivateData" -> {
          purges.add(a[0] + "/" + a[1]);
          yield null;
        }
        case "toString" -> "InMemoryStub[" + txId + "]";
        default -> throw new UnsupportedOperationException("InMemoryStub: " + method);
      };
    }

    private byte[] read(String key) {
      Versioned v = state.get(key);
      reads.put(key, v == null ? 0 : v.version);
      return v == null ? null : v.value.clone();
    }

    private Object put(Map<String, byte[]> into, String key, byte[] value) {
      into.put(key, value.clone());
      return null;
    }

    private QueryResultsIterator<KeyValue> range(String start, String end) {
      NavigableMap<String, Versioned> sub = state.subMap(start, true, end, false);
      List<KeyValue> kvs = new ArrayList<>();
      sub.forEach((k, v) -> kvs.add(new Kv(k, v.value.clone())));
      return new QueryResultsIterator<>() {
        @Override
        public Iterator<KeyValue> iterator() {
          return kvs.iterator();
        }

        @Override
        public void close() {}
      };
    }
  }

  private record Kv(String key, byte[] value) implements KeyValue {
    @Override
    public String getKey() {
      return key;
    }

    @Override
    public byte[] getValue() {
      return value.clone();
    }

    @Override
    public String getStringValue() {
      return new String(value, StandardCharsets.UTF_8);
    }
  }

  /** Starts a transaction: function and arguments, the creator identity and transient data. */
  public synchronized Simulation simulate(
      String txId, byte[] creator, List<String> args, Map<String, byte[]> transientData) {
    return new Simulation(txId, creator, args, transientData);
  }

  /** Validates (MVCC) and applies a simulated transaction; false if it is invalid. */
  public synchronized boolean commit(Simulation s) {
    for (Map.Entry<String, Long> r : s.reads.entrySet()) {
      Versioned now = state.get(r.getKey());
      if ((now == null ? 0 : now.version) != r.getValue()) {
        return false;
      }
    }
    version++;
    s.writes.forEach((k, v) -> state.put(k, new Versioned(v, version)));
    s.privateWrites.forEach(
        (k, v) -> {
          int slash = k.indexOf('/');
          collection(k.substring(0, slash)).put(k.substring(slash + 1), v);
        });
    for (String p : s.purges) {
      int slash = p.indexOf('/');
      collection(p.substring(0, slash)).remove(p.substring(slash + 1));
      purged.add(p);
    }
    return true;
  }

  /** The committed private data of a collection (a member peer's store). */
  public synchronized Map<String, byte[]> collection(String name) {
    return privateData.computeIfAbsent(name, k -> new HashMap<>());
  }

  /** Every committed purge, as {@code collection/key}. */
  public synchronized List<String> purged() {
    return List.copyOf(purged);
  }
}

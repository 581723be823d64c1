package org.voxproof.chaincode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.hyperledger.fabric.shim.Chaincode.Response;

/**
 * The real chaincode ({@link ProvenanceChaincode}: router and functions) on an {@link
 * InMemoryStub}; each call is simulated and then committed (MVCC-checked) like a transaction.
 */
public final class ChaincodeHarness {
  /** The world state. */
  public final InMemoryStub ledger = new InMemoryStub();

  private final ProvenanceChaincode chaincode = new ProvenanceChaincode("voxproof_0.1.0:test");
  private final byte[] creator;
  private int tx;

  public ChaincodeHarness() {
    try {
      creator = TestIdentity.serialized("VoxProofMSP");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An answer: the chaincode's response, and the event of the committed transaction. */
  public record Answer(int status, String message, byte[] payload, InMemoryStub.Event event) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  /** Runs {@code fn(args)} as one transaction without transient data. */
  public Answer call(String fn, String... args) {
    return call(Map.of(), fn, args);
  }

  /** Runs {@code fn(args)} with transient data; commits it when the chaincode succeeded. */
  public Answer call(Map<String, byte[]> transientData, String fn, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = fn;
    System.arraycopy(args, 0, all, 1, args.length);
    InMemoryStub.Simulation sim =
        ledger.simulate(String.format("%064x", ++tx), creator, Arrays.asList(all), transientData);
    Response r = chaincode.invoke(sim.stub());
    if (r.getStatus() == Response.Status.SUCCESS && !ledger.commit(sim)) {
      throw new IllegalStateException("MVCC conflict in a sequential test");
    }
    byte[] payload = r.getPayload() == null ? new byte[0] : r.getPayload();
    return new Answer(r.getStatus().getCode(), r.getMessage(), payload, sim.event());
  }

  /** The transaction id the next call gets. */
  public String nextTxId() {
    return String.format("%064x", tx + 1);
  }
}

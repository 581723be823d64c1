package org.voxproof.chaincode;

import static org.voxproof.chaincode.ChaincodeErrors.BAD_REQUEST;
import static org.voxproof.chaincode.ChaincodeErrors.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.metrics.Metrics;
import org.hyperledger.fabric.shim.ChaincodeBase;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ResponseUtils;
import org.hyperledger.fabric.traces.Traces;

/**
 * The chaincode the peer talks to: routes each invocation by function name to {@link
 * ProvenanceContract} (records, salts) or {@link CheckpointAnchors} (anchored log checkpoints) and
 * turns their refusals into error responses with a stable code.
 *
 * <p>It is configured only by its constructor, never from the {@code CORE_PEER_TLS_*} environment
 * the shim's own router reads (those name the chaincode's client-side TLS when the peer launches
 * it, and make a chaincode-as-a-service server fail at start); the server's TLS is set up by {@link
 * ChaincodeServerMain}.
 *
 * <table>
 * <caption>Functions</caption>
 * <tr><td>{@code Record(recordBase64)} + transient {@code consentSalt}</td><td>submit</td></tr>
 * <tr><td>{@code Erase(erasureRecordBase64)}</td><td>submit</td></tr>
 * <tr><td>{@code Anchor(verifierKey, note, consistencyProof)}</td><td>submit</td></tr>
 * <tr><td>{@code Get(id)}, {@code Lookup(watermarkHex)}, {@code Salt(commitmentHex)}, {@code
 * Anchored(origin, index)}, {@code AnchorHead(origin)}</td><td>evaluate</td></tr>
 * </table>
 */
public final class ProvenanceChaincode extends ChaincodeBase {
  private static final Logger LOG = Logger.getLogger(ProvenanceChaincode.class.getName());

  private final ProvenanceContract records = new ProvenanceContract();
  private final CheckpointAnchors anchors = new CheckpointAnchors();

  /** A chaincode with this package id (as {@code peer lifecycle chaincode install} printed it). */
  public ProvenanceChaincode(String packageId) {
    processCommandLineOptions(new String[] {"--id", packageId});
    Properties props = getChaincodeConfig();
    Metrics.initialize(props);
    Traces.initialize(props);
  }

  @Override
  public Response init(ChaincodeStub stub) {
    return ResponseUtils.newSuccessResponse();
  }

  @Override
  public Response invoke(ChaincodeStub stub) {
    try {
      String answer = call(stub, stub.getFunction(), stub.getParameters());
      return ResponseUtils.newSuccessResponse(answer.getBytes(StandardCharsets.UTF_8));
    } catch (ChaincodeException e) {
      return ResponseUtils.newErrorResponse(e.getMessage(), e.getPayload());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "unexpected failure in " + stub.getTxId(), e);
      return ResponseUtils.newErrorResponse(
          "INTERNAL: unexpected chaincode failure", "INTERNAL".getBytes(StandardCharsets.UTF_8));
    }
  }

  private String call(ChaincodeStub stub, String function, List<String> p) {
    String fn = function == null ? "" : function.substring(function.indexOf(':') + 1);
    return switch (fn) {
      case "Record" -> records.record(stub, arg(p, 1, 0));
      case "Erase" -> records.erase(stub, arg(p, 1, 0));
      case "Get" -> records.get(stub, arg(p, 1, 0));
      case "Lookup" -> records.lookup(stub, arg(p, 1, 0));
      case "Salt" -> records.salt(stub, arg(p, 1, 0));
      case "Anchor" -> anchors.anchor(stub, arg(p, 3, 0), arg(p, 3, 1), arg(p, 3, 2));
      case "Anchored" -> anchors.anchored(stub, arg(p, 2, 0), arg(p, 2, 1));
      case "AnchorHead" -> anchors.head(stub, arg(p, 1, 0));
      default -> throw fail(BAD_REQUEST, "no function " + fn);
    };
  }

  private static String arg(List<String> params, int count, int i) {
    if (params.size() != count) {
      throw fail(BAD_REQUEST, "expected " + count + " argument(s), got " + params.size());
    }
    return params.get(i);
  }
}

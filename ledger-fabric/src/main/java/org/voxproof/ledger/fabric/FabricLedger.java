package org.voxproof.ledger.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hyperledger.fabric.client.Checkpointer;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.voxproof.ledger.AppendResult;
import org.voxproof.ledger.ConsistencyProof;
import org.voxproof.ledger.FabricEvidence;
import org.voxproof.ledger.InclusionProof;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerEvidence;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.LedgerNotFoundException;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.ledger.LedgerUnsupportedException;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.ledger.RecordKind;
import org.voxproof.ledger.SignedCheckpoint;

/**
 * The Hyperledger Fabric backend, over the Fabric Gateway client and the project's chaincode
 * ({@code ledger-chaincode}). A record's position is the number of the block that holds its
 * transaction; evidence is that transaction with its block and the channel configuration ({@link
 * FabricEvidence}). Fabric has no Merkle log: {@link #entry(long)}, checkpoints and Merkle proofs
 * throw {@link LedgerUnsupportedException}.
 */
public final class FabricLedger implements ProvenanceLedger {
  /** Chaincode event name of every new record (see ProvenanceContract). */
  public static final String EVENT = "voxproof.record";

  static final String SALT_TRANSIENT_KEY = "consentSalt";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FabricSession session;
  private final SaltSealer salts;
  private final List<String> saltEndorsers;
  private final ExecutorService executor;

  private FabricLedger(FabricSession session, byte[] saltKey, List<String> saltEndorsers) {
    this.session = session;
    this.salts = saltKey == null ? null : new SaltSealer(saltKey);
    this.saltEndorsers = List.copyOf(saltEndorsers);
    this.executor = Executors.newFixedThreadPool(8, r -> daemon(r, "fabric-ledger"));
  }

  /** Connects with TLS as configured (and reads the consent salt key when one is configured). */
  public static FabricLedger connect(FabricConfig c) throws LedgerException {
    byte[] key = null;
    if (c.consentSaltKey() != null) {
      try {
        key = Files.readAllBytes(c.consentSaltKey());
      } catch (IOException e) {
        throw new LedgerStorageException("cannot read the consent salt key", e);
      }
    }
    return new FabricLedger(FabricSession.connect(c), key, c.endorsingOrganizations());
  }

  /** Over a caller-managed gRPC channel (tests, custom transports); no consent salt key. */
  public static FabricLedger over(
      Channel grpc, Identity id, Signer signer, String channel, String chaincode) {
    return new FabricLedger(
        FabricSession.over(grpc, id, signer, channel, chaincode), null, List.of());
  }

  /**
   * Over a caller-managed gRPC channel, sealing consent salts with this 32-byte key and having
   * salted appends endorsed by these organisations (the chaincode's endorsement policy's).
   */
  public static FabricLedger over(
      Channel grpc,
      Identity id,
      Signer signer,
      String channel,
      String chaincode,
      byte[] saltKey,
      List<String> saltEndorsers) {
    return new FabricLedger(
        FabricSession.over(grpc, id, signer, channel, chaincode), saltKey, saltEndorsers);
  }

  @Override
  public String origin() {
    return "fabric:" + session.channel() + "/" + session.chaincode();
  }

  @Override
  public AppendResult append(LedgerRecord record) throws LedgerException {
    return submit(record, Map.of(), List.of());
  }

  /**
   * Appends a record and keeps its consent salt in the chaincode's private collection, in one
   * transaction: both or neither. The salt travels as transient data (never in a block), sealed
   * with the operator's consent salt key so the other organisations' endorsing peers see only
   * ciphertext, to the configured endorsing organisations (the gateway hands transient data to no
   * one else); erasure purges it. If the collection's {@code requiredPeerCount} other operator
   * peers cannot receive it, nothing is written and a {@link LedgerStorageException} says so.
   */
  public AppendResult appendWithConsentSalt(LedgerRecord record, byte[] salt)
      throws LedgerException {
    if (salts == null || saltEndorsers.isEmpty()) {
      throw new LedgerUnsupportedException(
          "salted appends need consentSaltKey and endorsingOrganizations configured");
    }
    byte[] sealed = salts.seal(salt, record.consentCommitment());
    return submit(record, Map.of(SALT_TRANSIENT_KEY, sealed), saltEndorsers);
  }

  /** The consent salt of a commitment while it is kept; empty once erased (or never stored). */
  public Optional<byte[]> consentSalt(byte[] commitment) throws LedgerException {
    if (salts == null) {
      throw new LedgerUnsupportedException("no consent salt key configured (consentSaltKey)");
    }
    byte[] answer;
    try {
      answer = session.evaluate("Salt", HexFormat.of().formatHex(commitment));
    } catch (LedgerNotFoundException e) {
      return Optional.empty();
    }
    try {
      byte[] sealed = Base64.getDecoder().decode(answer);
      return Optional.of(salts.open(sealed, commitment));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new LedgerStorageException("the stored salt does not open with this key", e);
    }
  }

  private AppendResult submit(
      LedgerRecord record, Map<String, byte[]> transientData, List<String> endorsers)
      throws LedgerException {
    String fn = record.kind() == RecordKind.ERASURE ? "Erase" : "Record";
    String arg = Base64.getEncoder().encodeToString(record.encode());
    FabricSession.Committed c = session.submit(fn, transientData, endorsers, arg);
    JsonNode result = json(c.result());
    if (result.path("existing").asBoolean()) {
      return new AppendResult(session.blockOf(result.path("txId").asText()), true);
    }
    return new AppendResult(c.blockNumber(), false);
  }

  @Override
  public CompletionStage<AppendResult> appendAsync(LedgerRecord record) {
    CompletableFuture<AppendResult> f = new CompletableFuture<>();
    executor.execute(
        () -> {
          try {
            f.complete(append(record));
          } catch (LedgerException | RuntimeException e) {
            f.completeExceptionally(e);
          }
        });
    return f;
  }

  @Override
  public Optional<LedgerEntry> findById(String id) throws LedgerException {
    Optional<JsonNode> stored = query("Get", id);
    return stored.isEmpty() ? Optional.empty() : Optional.of(toEntry(stored.get()));
  }

  @Override
  public Optional<LedgerEntry> findByWatermark(byte[] payload) throws LedgerException {
    Optional<JsonNode> stored = query("Lookup", HexFormat.of().formatHex(payload));
    return stored.isEmpty() ? Optional.empty() : Optional.of(toEntry(stored.get()));
  }

  @Override
  public LedgerEntry entry(long index) throws LedgerException {
    throw new LedgerUnsupportedException("Fabric records are found by id or watermark");
  }

  @Override
  public SignedCheckpoint latestCheckpoint() throws LedgerException {
    throw new LedgerUnsupportedException("Fabric has no Merkle checkpoint; use evidence");
  }

  @Override
  public InclusionProof inclusionProof(long index, long treeSize) throws LedgerException {
    throw new LedgerUnsupportedException("Fabric has no Merkle proofs; use evidence");
  }

  @Override
  public ConsistencyProof consistencyProof(long fromSize, long toSize) throws LedgerException {
    throw new LedgerUnsupportedException("Fabric has no Merkle proofs; use evidence");
  }

  @Override
  public LedgerEvidence evidence(String id) throws LedgerException {
    JsonNode stored =
        query("Get", id).orElseThrow(() -> new LedgerNotFoundException("no record " + id));
    var proof = session.proof(stored.path("txId").asText());
    return new FabricEvidence(new LedgerEntry(proof.blockNumber(), record(stored)), proof);
  }

  /**
   * Delivers every record event from the checkpoint on (or from the first block), then new ones as
   * they commit, and advances the checkpoint after each: a restarted subscriber resumes where it
   * stopped. Erasure records arrive here across processes. Closing waits for the event in hand to
   * be checkpointed, so a closed and resumed subscription repeats nothing; after a crash the last
   * event may come again (at least once: the sink must be idempotent).
   */
  public AutoCloseable subscribe(Checkpointer checkpointer, Consumer<LedgerEntry> sink) {
    var events = session.network().newChaincodeEventsRequest(session.chaincode());
    var iterator =
        (checkpointer.getBlockNumber().isPresent()
                ? events.checkpoint(checkpointer)
                : events.startBlock(0))
            .build()
            .getEvents();
    Thread t =
        daemon(
            () -> {
              try {
                while (iterator.hasNext()) {
                  var e = iterator.next();
                  if (EVENT.equals(e.getEventName())) {
                    sink.accept(
                        new LedgerEntry(e.getBlockNumber(), LedgerRecord.decode(e.getPayload())));
                  }
                  checkpointer.checkpointChaincodeEvent(e);
                }
              } catch (IOException | RuntimeException e) {
                // stream closed or failed: the checkpoint holds the resume position
              }
            },
            "fabric-events");
    t.start();
    return () -> {
      iterator.close();
      t.join(TimeUnit.SECONDS.toMillis(30));
    };
  }

  @Override
  public void close() {
    executor.shutdown();
    session.close();
  }

  private Optional<JsonNode> query(String fn, String arg) throws LedgerException {
    try {
      return Optional.of(json(session.evaluate(fn, arg)));
    } catch (LedgerNotFoundException e) {
      return Optional.empty();
    }
  }

  private LedgerEntry toEntry(JsonNode stored) throws LedgerException {
    return new LedgerEntry(session.blockOf(stored.path("txId").asText()), record(stored));
  }

  private static JsonNode json(byte[] answer) throws LedgerStorageException {
    try {
      return JSON.readTree(answer);
    } catch (IOException e) {
      throw new LedgerStorageException("unreadable chaincode answer", e);
    }
  }

  private static LedgerRecord record(JsonNode stored) {
    return LedgerRecord.decode(Base64.getDecoder().decode(stored.path("record").asText()));
  }

  static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}

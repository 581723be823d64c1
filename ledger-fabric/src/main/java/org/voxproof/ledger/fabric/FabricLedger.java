package org.voxproof.ledger.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Channel;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.security.InvalidKeyException;
import java.security.cert.CertificateException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hyperledger.fabric.client.Checkpointer;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
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
 * transaction; evidence is that block and the transaction with its endorsements ({@link
 * FabricEvidence}). Fabric has no Merkle log: {@link #entry(long)}, checkpoints and Merkle proofs
 * throw {@link LedgerUnsupportedException}.
 */
public final class FabricLedger implements ProvenanceLedger {
  /** Chaincode event name of every new record (see ProvenanceContract). */
  public static final String EVENT = "voxproof.record";

  static final String SALT_TRANSIENT_KEY = "consentSalt";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Gateway gateway;
  private final Network network;
  private final Contract contract;
  private final Contract qscc;
  private final String channel;
  private final ManagedChannel ownedChannel;
  private final ExecutorService executor;
  private final String mspId;

  private FabricLedger(
      Channel grpc,
      Identity id,
      Signer signer,
      String channel,
      String chaincode,
      ManagedChannel own) {
    this.gateway =
        Gateway.newInstance()
            .identity(id)
            .signer(signer)
            .hash(Hash.SHA256)
            .connection(grpc)
            .evaluateOptions(o -> o.withDeadlineAfter(10, TimeUnit.SECONDS))
            .endorseOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
            .submitOptions(o -> o.withDeadlineAfter(10, TimeUnit.SECONDS))
            .commitStatusOptions(o -> o.withDeadlineAfter(2, TimeUnit.MINUTES))
            .connect();
    this.channel = channel;
    this.mspId = id.getMspId();
    this.network = gateway.getNetwork(channel);
    this.contract = network.getContract(chaincode);
    this.qscc = network.getContract("qscc");
    this.ownedChannel = own;
    this.executor = Executors.newFixedThreadPool(8, r -> daemon(r, "fabric-ledger"));
  }

  /** Connects with TLS as configured. */
  public static FabricLedger connect(FabricConfig c) throws LedgerException {
    try (Reader cert = Files.newBufferedReader(c.certificate());
        Reader key = Files.newBufferedReader(c.privateKey())) {
      Identity id = new X509Identity(c.mspId(), Identities.readX509Certificate(cert));
      Signer signer = Signers.newPrivateKeySigner(Identities.readPrivateKey(key));
      ManagedChannelBuilder<?> b =
          Grpc.newChannelBuilder(
              c.peerEndpoint(),
              TlsChannelCredentials.newBuilder().trustManager(c.tlsCaCert().toFile()).build());
      if (c.overrideAuthority() != null) {
        b.overrideAuthority(c.overrideAuthority());
      }
      ManagedChannel ch = b.build();
      return new FabricLedger(ch, id, signer, c.channel(), c.chaincode(), ch);
    } catch (IOException | CertificateException | InvalidKeyException e) {
      throw new LedgerStorageException("cannot set up the Fabric connection: " + e.getMessage(), e);
    }
  }

  /** Uses a caller-managed gRPC channel (tests, custom transports). */
  public static FabricLedger over(
      Channel grpc, Identity id, Signer signer, String channel, String chaincode) {
    return new FabricLedger(grpc, id, signer, channel, chaincode, null);
  }

  @Override
  public String origin() {
    return "fabric:" + channel + "/" + contract.getChaincodeName();
  }

  @Override
  public AppendResult append(LedgerRecord record) throws LedgerException {
    return submit(record, null);
  }

  /**
   * Appends a record, then hands the consent salt to the chaincode's private data collection in a
   * second transaction endorsed by this client's organisation only (transient data: it never enters
   * a block, and no other organisation's peer sees it). Erasure purges it.
   */
  public AppendResult appendWithConsentSalt(LedgerRecord record, byte[] salt)
      throws LedgerException {
    AppendResult r = submit(record, null);
    submit(record, salt.clone());
    return r;
  }

  private AppendResult submit(LedgerRecord record, byte[] salt) throws LedgerException {
    String fn = record.kind() == RecordKind.ERASURE ? "Erase" : "Record";
    try {
      Proposal.Builder p;
      if (salt == null) {
        p =
            contract
                .newProposal(fn)
                .addArguments(Base64.getEncoder().encodeToString(record.encode()));
      } else {
        p =
            contract
                .newProposal("StoreSalt")
                .addArguments(HexFormat.of().formatHex(record.consentCommitment()))
                .putTransient(SALT_TRANSIENT_KEY, salt)
                .setEndorsingOrganizations(mspId);
      }
      SubmittedTransaction tx = p.build().endorse().submitAsync();
      if (salt != null) {
        requireCommitted(tx.getStatus());
        return new AppendResult(tx.getStatus().getBlockNumber(), false);
      }
      JsonNode result = JSON.readTree(tx.getResult());
      if (result.path("existing").asBoolean()) {
        return new AppendResult(blockOf(result.path("txId").asText()), true);
      }
      Status status = tx.getStatus();
      requireCommitted(status);
      return new AppendResult(status.getBlockNumber(), false);
    } catch (GatewayException e) {
      throw FabricErrors.map(e);
    } catch (IOException e) {
      throw new LedgerStorageException("unreadable chaincode answer", e);
    }
  }

  private static void requireCommitted(Status status) throws LedgerStorageException {
    if (!status.isSuccessful()) {
      throw new LedgerStorageException(
          "transaction " + status.getTransactionId() + " was not committed: " + status.getCode());
    }
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
    return query("Get", id).map(this::toEntry);
  }

  @Override
  public Optional<LedgerEntry> findByWatermark(byte[] payload) throws LedgerException {
    return query("Lookup", HexFormat.of().formatHex(payload)).map(this::toEntry);
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
    String txId = stored.path("txId").asText();
    try {
      byte[] pt = qscc.evaluateTransaction("GetTransactionByID", channel, txId);
      byte[] block = qscc.evaluateTransaction("GetBlockByTxID", channel, txId);
      long number = Block.parseFrom(block).getHeader().getNumber();
      int raw = ProcessedTransaction.parseFrom(pt).getValidationCode();
      TxValidationCode code = TxValidationCode.forNumber(raw);
      LedgerEntry entry = new LedgerEntry(number, record(stored));
      return new FabricEvidence(
          entry, channel, txId, number, code == null ? "CODE_" + raw : code.name(), pt, block);
    } catch (GatewayException e) {
      throw FabricErrors.map(e);
    } catch (IOException e) {
      throw new LedgerStorageException("unreadable qscc answer", e);
    }
  }

  /**
   * Delivers every record event from the checkpoint on (or from the first block), then new ones as
   * they commit, and advances the checkpoint after each: a restarted subscriber resumes where it
   * stopped. Erasure records arrive here across processes.
   */
  public AutoCloseable subscribe(Checkpointer checkpointer, Consumer<LedgerEntry> sink) {
    var events = network.newChaincodeEventsRequest(contract.getChaincodeName());
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
    return iterator;
  }

  @Override
  public void close() {
    executor.shutdown();
    gateway.close();
    if (ownedChannel != null) {
      ownedChannel.shutdown();
    }
  }

  private Optional<JsonNode> query(String fn, String arg) throws LedgerException {
    try {
      return Optional.of(JSON.readTree(contract.evaluateTransaction(fn, arg)));
    } catch (GatewayException e) {
      LedgerException mapped = FabricErrors.map(e);
      if (mapped instanceof LedgerNotFoundException) {
        return Optional.empty();
      }
      throw mapped;
    } catch (IOException e) {
      throw new LedgerStorageException("unreadable chaincode answer", e);
    }
  }

  private LedgerEntry toEntry(JsonNode stored) {
    try {
      return new LedgerEntry(blockOf(stored.path("txId").asText()), record(stored));
    } catch (LedgerException e) {
      throw new IllegalStateException(e);
    }
  }

  private long blockOf(String txId) throws LedgerException {
    try {
      byte[] block = qscc.evaluateTransaction("GetBlockByTxID", channel, txId);
      return Block.parseFrom(block).getHeader().getNumber();
    } catch (GatewayException e) {
      throw FabricErrors.map(e);
    } catch (IOException e) {
      throw new LedgerStorageException("unreadable block", e);
    }
  }

  private static LedgerRecord record(JsonNode stored) {
    return LedgerRecord.decode(Base64.getDecoder().decode(stored.path("record").asText()));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}

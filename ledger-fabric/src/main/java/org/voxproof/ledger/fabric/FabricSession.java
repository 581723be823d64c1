package org.voxproof.ledger.fabric;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.voxproof.ledger.FabricTransactionProof;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.fabric.internal.Blocks;

/**
 * One Gateway connection to the project's chaincode on a channel: submits and evaluations with the
 * gateway's deadlines (evaluate 10 s, endorse 30 s, submit 10 s, commit status 2 min), and the
 * {@code qscc} queries that make a {@link FabricTransactionProof}.
 */
final class FabricSession implements AutoCloseable {
  private final Gateway gateway;
  private final Network network;
  private final Contract contract;
  private final Contract qscc;
  private final String channel;
  private final String mspId;
  private final ManagedChannel ownedChannel;

  /** A committed submit: the chaincode's answer and the transaction's block. */
  @SuppressWarnings("ArrayRecordComponent") // internal, never shared
  record Committed(byte[] result, String transactionId, long blockNumber) {}

  private FabricSession(
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
  }

  /** Connects with TLS as configured. */
  static FabricSession connect(FabricConfig c) throws LedgerException {
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
      return new FabricSession(ch, id, signer, c.channel(), c.chaincode(), ch);
    } catch (IOException | CertificateException | InvalidKeyException e) {
      throw new LedgerStorageException("cannot set up the Fabric connection: " + e.getMessage(), e);
    }
  }

  /** Over a caller-managed gRPC channel. */
  static FabricSession over(
      Channel grpc, Identity id, Signer signer, String channel, String chaincode) {
    return new FabricSession(grpc, id, signer, channel, chaincode, null);
  }

  String channel() {
    return channel;
  }

  String chaincode() {
    return contract.getChaincodeName();
  }

  String mspId() {
    return mspId;
  }

  Network network() {
    return network;
  }

  /** Endorses, orders and waits for the commit; a transaction that is not valid is an error. */
  Committed submit(String fn, Map<String, byte[]> transientData, String... args)
      throws LedgerException {
    return submit(fn, transientData, List.of(), args);
  }

  /**
   * As {@link #submit(String, Map, String...)}, endorsed by peers of exactly these organisations
   * (when not empty): the gateway hands transient data only to organisations the client names, or
   * to those of the private data collection.
   */
  Committed submit(
      String fn, Map<String, byte[]> transientData, List<String> endorsingOrgs, String... args)
      throws LedgerException {
    try {
      Proposal.Builder p = contract.newProposal(fn).addArguments(args);
      transientData.forEach(p::putTransient);
      if (!endorsingOrgs.isEmpty()) {
        p.setEndorsingOrganizations(endorsingOrgs.toArray(String[]::new));
      }
      SubmittedTransaction tx = p.build().endorse().submitAsync();
      Status status = tx.getStatus();
      if (!status.isSuccessful()) {
        throw new LedgerStorageException(
            "transaction " + status.getTransactionId() + " was not committed: " + status.getCode());
      }
      return new Committed(tx.getResult(), status.getTransactionId(), status.getBlockNumber());
    } catch (GatewayException e) {
      throw FabricErrors.map(e);
    }
  }

  /** Evaluates a chaincode function on a peer. */
  byte[] evaluate(String fn, String... args) throws LedgerException {
    try {
      return contract.evaluateTransaction(fn, args);
    } catch (GatewayException e) {
      throw FabricErrors.map(e);
    }
  }

  /** The block number of a committed transaction. */
  long blockOf(String txId) throws LedgerException {
    return parseBlock(query("GetBlockByTxID", channel, txId)).getHeader().getNumber();
  }

  /**
   * The transaction, its block and the configuration block in force for it, as evidence carries
   * them (unsigned peer metadata cleared: {@link Blocks#forEvidence}).
   */
  FabricTransactionProof proof(String txId) throws LedgerException {
    ProcessedTransaction pt;
    try {
      pt = ProcessedTransaction.parseFrom(query("GetTransactionByID", channel, txId));
    } catch (IOException e) {
      throw new LedgerStorageException("unreadable qscc answer", e);
    }
    Block block = Blocks.forEvidence(parseBlock(query("GetBlockByTxID", channel, txId)));
    long lastConfig;
    try {
      lastConfig = Blocks.signatures(block).value().getLastConfig().getIndex();
    } catch (ProofVerificationException e) {
      throw new LedgerStorageException("the peer's block has no orderer signatures", e);
    }
    Block config =
        Blocks.forEvidence(
            parseBlock(query("GetBlockByNumber", channel, Long.toUnsignedString(lastConfig))));
    return new FabricTransactionProof(
        channel,
        txId,
        block.getHeader().getNumber(),
        pt.toByteArray(),
        block.toByteArray(),
        config.toByteArray());
  }

  private byte[] query(String fn, String... args) throws LedgerException {
    try {
      return qscc.evaluateTransaction(fn, args);
    } catch (GatewayException e) {
      throw FabricErrors.map(e);
    }
  }

  private static Block parseBlock(byte[] b) throws LedgerStorageException {
    try {
      return Block.parseFrom(b);
    } catch (IOException e) {
      throw new LedgerStorageException("unreadable block from qscc", e);
    }
  }

  @Override
  public void close() {
    gateway.close();
    if (ownedChannel != null) {
      ownedChannel.shutdown();
    }
  }
}

package org.voxproof.ledger.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsResponse;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.EndorseRequest;
import org.hyperledger.fabric.protos.gateway.EndorseResponse;
import org.hyperledger.fabric.protos.gateway.EvaluateRequest;
import org.hyperledger.fabric.protos.gateway.EvaluateResponse;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.SignedChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.gateway.SubmitResponse;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * A FAKE Fabric Gateway service for tests, in-process over gRPC: it checks every client signature
 * (proposal, transaction envelope, commit status and event requests) against certificates issued by
 * the client MSP's CA, checks transaction ids, endorses with its own peer key, orders each
 * submitted transaction into its own block, and answers with real Fabric protobuf envelopes, blocks
 * and processed transactions. The chaincode it runs is {@link FakeChaincode}, a stand-in for
 * ledger-chaincode (which is tested on its own).
 */
final class FakeGateway extends GatewayGrpc.GatewayImplBase {
  private final String channel;
  private final X509Certificate clientCa;
  private final TestPki.Issued peer;
  private final TestPki.Issued orderer;
  final FakeChaincode chaincode;
  final AtomicInteger rejectedSignatures = new AtomicInteger();

  /** The endorsing organisations the client asked for, by chaincode function. */
  final Map<String, List<String>> endorsingOrgs = new ConcurrentHashMap<>();

  private final Map<String, FakeChaincode.Result> endorsed = new ConcurrentHashMap<>();
  private final List<Block> blocks = new CopyOnWriteArrayList<>();
  private final Map<String, Long> txBlock = new ConcurrentHashMap<>();
  private final Map<String, ProcessedTransaction> txs = new ConcurrentHashMap<>();
  private final Map<String, Integer> txCode = new ConcurrentHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  FakeGateway(String channel, String chaincodeName, X509Certificate clientCa, TestPki peerOrg)
      throws Exception {
    this.channel = channel;
    this.clientCa = clientCa;
    this.peer = peerOrg.issue("peer0.fake");
    this.orderer = peerOrg.issue("orderer.fake");
    this.chaincode = new FakeChaincode(chaincodeName);
  }

  X509Certificate peerCa(TestPki peerOrg) {
    return peerOrg.ca.cert();
  }

  @Override
  public void endorse(EndorseRequest req, StreamObserver<EndorseResponse> out) {
    try {
      Call call = checkProposal(req.getProposedTransaction(), req.getTransactionId());
      endorsingOrgs.put(call.fn, List.copyOf(req.getEndorsingOrganizationsList()));
      FakeChaincode.Result r = chaincode.execute(call.fn, call.args, call.transientMap, call.txId);
      if (r.status() != 200) {
        out.onError(chaincodeError("failed to endorse transaction", r));
        return;
      }
      endorsed.put(call.txId, r);
      out.onNext(EndorseResponse.newBuilder().setPreparedTransaction(envelope(call, r)).build());
      out.onCompleted();
    } catch (Refused e) {
      out.onError(e.status.asRuntimeException());
    }
  }

  @Override
  public void evaluate(EvaluateRequest req, StreamObserver<EvaluateResponse> out) {
    try {
      Call call = checkProposal(req.getProposedTransaction(), req.getTransactionId());
      FakeChaincode.Result r =
          "qscc".equals(call.chaincodeId)
              ? qscc(call.fn, call.args)
              : chaincode.execute(call.fn, call.args, call.transientMap, call.txId);
      if (r.status() != 200) {
        out.onError(chaincodeError("evaluate call to endorser returned error", r));
        return;
      }
      Response resp =
          Response.newBuilder().setStatus(200).setPayload(ByteString.copyFrom(r.payload())).build();
      out.onNext(EvaluateResponse.newBuilder().setResult(resp).build());
      out.onCompleted();
    } catch (Refused e) {
      out.onError(e.status.asRuntimeException());
    }
  }

  @Override
  public void submit(SubmitRequest req, StreamObserver<SubmitResponse> out) {
    try {
      Envelope env = req.getPreparedTransaction();
      Payload payload = Payload.parseFrom(env.getPayload());
      SignatureHeader sh = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
      ChannelHeader ch = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
      verifyClient(sh.getCreator(), env.getPayload(), env.getSignature());
      FakeChaincode.Result r = endorsed.remove(ch.getTxId());
      if (r == null || !ch.getTxId().equals(req.getTransactionId())) {
        throw new Refused(Status.FAILED_PRECONDITION.withDescription("not endorsed here"));
      }
      commit(env, ch.getTxId(), r);
      out.onNext(SubmitResponse.getDefaultInstance());
      out.onCompleted();
    } catch (Refused e) {
      out.onError(e.status.asRuntimeException());
    } catch (InvalidProtocolBufferException e) {
      out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  @Override
  public void commitStatus(
      SignedCommitStatusRequest req, StreamObserver<CommitStatusResponse> out) {
    try {
      CommitStatusRequest r = CommitStatusRequest.parseFrom(req.getRequest());
      verifyClient(r.getIdentity(), req.getRequest(), req.getSignature());
      Long block = txBlock.get(r.getTransactionId());
      if (block == null) {
        throw new Refused(Status.NOT_FOUND.withDescription("unknown transaction"));
      }
      out.onNext(
          CommitStatusResponse.newBuilder()
              .setResultValue(txCode.get(r.getTransactionId()))
              .setBlockNumber(block)
              .build());
      out.onCompleted();
    } catch (Refused e) {
      out.onError(e.status.asRuntimeException());
    } catch (InvalidProtocolBufferException e) {
      out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  @Override
  public void chaincodeEvents(
      SignedChaincodeEventsRequest req, StreamObserver<ChaincodeEventsResponse> out) {
    try {
      ChaincodeEventsRequest r = ChaincodeEventsRequest.parseFrom(req.getRequest());
      verifyClient(r.getIdentity(), req.getRequest(), req.getSignature());
      long start =
          r.getStartPosition().hasSpecified()
              ? r.getStartPosition().getSpecified().getNumber()
              : r.getStartPosition().hasOldest() ? 0 : blocks.size();
      EventStream stream = new EventStream(r, start, out);
      stream.run();
      listeners.add(stream);
      ((ServerCallStreamObserver<ChaincodeEventsResponse>) out)
          .setOnCancelHandler(() -> listeners.remove(stream));
    } catch (Refused e) {
      out.onError(e.status.asRuntimeException());
    } catch (InvalidProtocolBufferException e) {
      out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  /** Sends every event of blocks not yet sent, skipping up to the checkpointed transaction. */
  private final class EventStream implements Runnable {
    private final ChaincodeEventsRequest req;
    private final StreamObserver<ChaincodeEventsResponse> out;
    private long next;
    private boolean skipping;

    EventStream(ChaincodeEventsRequest req, long start, StreamObserver<ChaincodeEventsResponse> o) {
      this.req = req;
      this.out = o;
      this.next = start;
      this.skipping = !req.getAfterTransactionId().isEmpty();
    }

    @Override
    public synchronized void run() {
      for (; next < blocks.size(); next++) {
        List<ChaincodeEvent> events = new ArrayList<>();
        for (ChaincodeEvent e : eventsOf(blocks.get((int) next))) {
          if (skipping) {
            skipping = !e.getTxId().equals(req.getAfterTransactionId());
            continue;
          }
          if (e.getChaincodeId().equals(req.getChaincodeId())) {
            events.add(e);
          }
        }
        skipping = false;
        if (!events.isEmpty()) {
          out.onNext(
              ChaincodeEventsResponse.newBuilder()
                  .setBlockNumber(next)
                  .addAllEvents(events)
                  .build());
        }
      }
    }
  }

  private List<ChaincodeEvent> eventsOf(Block b) {
    List<ChaincodeEvent> out = new ArrayList<>();
    for (ByteString data : b.getData().getDataList()) {
      try {
        Payload p = Payload.parseFrom(Envelope.parseFrom(data).getPayload());
        String txId = ChannelHeader.parseFrom(p.getHeader().getChannelHeader()).getTxId();
        if (txCode.getOrDefault(txId, -1) != TxValidationCode.VALID_VALUE) {
          continue;
        }
        TransactionAction a = Transaction.parseFrom(p.getData()).getActions(0);
        ChaincodeActionPayload cap = ChaincodeActionPayload.parseFrom(a.getPayload());
        ProposalResponsePayload prp =
            ProposalResponsePayload.parseFrom(cap.getAction().getProposalResponsePayload());
        ChaincodeEvent e =
            ChaincodeAction.parseFrom(prp.getExtension()).getEvents().isEmpty()
                ? null
                : ChaincodeEvent.parseFrom(
                    ChaincodeAction.parseFrom(prp.getExtension()).getEvents());
        if (e != null) {
          out.add(e);
        }
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  private synchronized void commit(Envelope env, String txId, FakeChaincode.Result r) {
    int code =
        chaincode.stillValid(r)
            ? TxValidationCode.VALID_VALUE
            : TxValidationCode.MVCC_READ_CONFLICT_VALUE;
    if (code == TxValidationCode.VALID_VALUE) {
      r.writes().run();
    }
    long number = blocks.size();
    BlockData data = BlockData.newBuilder().addData(env.toByteString()).build();
    MessageDigest md = sha256();
    data.getDataList().forEach(d -> md.update(d.toByteArray()));
    BlockHeader header =
        BlockHeader.newBuilder()
            .setNumber(number)
            .setPreviousHash(
                number == 0
                    ? ByteString.EMPTY
                    : ByteString.copyFrom(
                        sha256().digest(blocks.get((int) number - 1).getHeader().toByteArray())))
            .setDataHash(ByteString.copyFrom(md.digest()))
            .build();
    Block block =
        Block.newBuilder()
            .setHeader(header)
            .setData(data)
            .setMetadata(metadata(header, code))
            .build();
    txCode.put(txId, code);
    txs.put(
        txId,
        ProcessedTransaction.newBuilder()
            .setTransactionEnvelope(env)
            .setValidationCode(code)
            .build());
    blocks.add(block);
    txBlock.put(txId, number);
    listeners.forEach(Runnable::run);
  }

  private BlockMetadata metadata(BlockHeader header, int code) {
    SignatureHeader sh =
        SignatureHeader.newBuilder()
            .setCreator(identity("OrdererMSP", orderer.cert()))
            .setNonce(ByteString.copyFromUtf8("nonce"))
            .build();
    ByteString signed = sh.toByteString().concat(header.toByteString());
    Metadata sigs =
        Metadata.newBuilder()
            .addSignatures(
                MetadataSignature.newBuilder()
                    .setSignatureHeader(sh.toByteString())
                    .setSignature(sign(orderer, signed)))
            .build();
    return BlockMetadata.newBuilder()
        .addMetadata(sigs.toByteString())
        .addMetadata(ByteString.EMPTY)
        .addMetadata(ByteString.copyFrom(new byte[] {(byte) code}))
        .addMetadata(ByteString.EMPTY)
        .addMetadata(ByteString.EMPTY)
        .build();
  }

  private FakeChaincode.Result qscc(String fn, List<String> args) {
    String txId = args.size() == 2 && args.get(0).equals(channel) ? args.get(1) : "";
    Long block = txBlock.get(txId);
    if (block == null) {
      return FakeChaincode.Result.error("transaction " + txId + " not found");
    }
    return switch (fn) {
      case "GetTransactionByID" -> FakeChaincode.Result.ok(txs.get(txId).toByteArray());
      case "GetBlockByTxID" -> FakeChaincode.Result.ok(blocks.get(block.intValue()).toByteArray());
      default -> FakeChaincode.Result.error("qscc function " + fn + " not supported by the fake");
    };
  }

  private record Call(
      String chaincodeId,
      String fn,
      List<String> args,
      Map<String, ByteString> transientMap,
      String txId,
      Header header,
      ChaincodeProposalPayload payload) {}

  private Call checkProposal(SignedProposal sp, String requestTxId) throws Refused {
    try {
      Proposal p = Proposal.parseFrom(sp.getProposalBytes());
      Header h = Header.parseFrom(p.getHeader());
      SignatureHeader sh = SignatureHeader.parseFrom(h.getSignatureHeader());
      ChannelHeader ch = ChannelHeader.parseFrom(h.getChannelHeader());
      verifyClient(sh.getCreator(), sp.getProposalBytes(), sp.getSignature());
      String expectedTxId =
          HexFormat.of()
              .formatHex(sha256().digest(sh.getNonce().concat(sh.getCreator()).toByteArray()));
      if (!ch.getTxId().equals(expectedTxId) || !ch.getTxId().equals(requestTxId)) {
        throw new Refused(Status.INVALID_ARGUMENT.withDescription("bad transaction id"));
      }
      if (!ch.getChannelId().equals(channel)) {
        throw new Refused(Status.NOT_FOUND.withDescription("no channel " + ch.getChannelId()));
      }
      ChaincodeProposalPayload cpp = ChaincodeProposalPayload.parseFrom(p.getPayload());
      var spec = ChaincodeInvocationSpec.parseFrom(cpp.getInput()).getChaincodeSpec();
      List<String> args = new ArrayList<>();
      spec.getInput().getArgsList().forEach(a -> args.add(a.toStringUtf8()));
      return new Call(
          spec.getChaincodeId().getName(),
          args.get(0),
          args.subList(1, args.size()),
          cpp.getTransientMapMap(),
          ch.getTxId(),
          h,
          cpp);
    } catch (InvalidProtocolBufferException e) {
      throw new Refused(Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
    }
  }

  private Envelope envelope(Call call, FakeChaincode.Result r) {
    ChaincodeEvent.Builder event =
        ChaincodeEvent.newBuilder().setChaincodeId(call.chaincodeId).setTxId(call.txId);
    if (r.eventName() != null) {
      event.setEventName(r.eventName()).setPayload(ByteString.copyFrom(r.eventPayload()));
    }
    ChaincodeAction action =
        ChaincodeAction.newBuilder()
            .setResponse(
                Response.newBuilder().setStatus(200).setPayload(ByteString.copyFrom(r.payload())))
            .setEvents(r.eventName() == null ? ByteString.EMPTY : event.build().toByteString())
            .build();
    ByteString withoutTransient =
        call.payload.toBuilder().clearTransientMap().build().toByteString();
    ByteString prp =
        ProposalResponsePayload.newBuilder()
            .setProposalHash(
                ByteString.copyFrom(
                    sha256()
                        .digest(call.header.toByteString().concat(withoutTransient).toByteArray())))
            .setExtension(action.toByteString())
            .build()
            .toByteString();
    ByteString endorser = identity("PeerOrgMSP", peer.cert());
    Endorsement endorsement =
        Endorsement.newBuilder()
            .setEndorser(endorser)
            .setSignature(sign(peer, prp.concat(endorser)))
            .build();
    ChaincodeActionPayload cap =
        ChaincodeActionPayload.newBuilder()
            .setChaincodeProposalPayload(withoutTransient)
            .setAction(
                ChaincodeEndorsedAction.newBuilder()
                    .setProposalResponsePayload(prp)
                    .addEndorsements(endorsement))
            .build();
    Transaction tx =
        Transaction.newBuilder()
            .addActions(
                TransactionAction.newBuilder()
                    .setHeader(call.header.getSignatureHeader())
                    .setPayload(cap.toByteString()))
            .build();
    Payload payload =
        Payload.newBuilder().setHeader(call.header).setData(tx.toByteString()).build();
    return Envelope.newBuilder().setPayload(payload.toByteString()).build();
  }

  private void verifyClient(ByteString serializedIdentity, ByteString message, ByteString signature)
      throws Refused {
    try {
      SerializedIdentity id = SerializedIdentity.parseFrom(serializedIdentity);
      X509Certificate cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(id.getIdBytes().toByteArray()));
      cert.verify(clientCa.getPublicKey());
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initVerify(cert);
      s.update(message.toByteArray());
      if (!s.verify(signature.toByteArray())) {
        throw new GeneralSecurityException("bad signature");
      }
    } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
      rejectedSignatures.incrementAndGet();
      throw new Refused(Status.PERMISSION_DENIED.withDescription("signature check failed: " + e));
    }
  }

  private static ByteString identity(String msp, X509Certificate cert) {
    return SerializedIdentity.newBuilder()
        .setMspid(msp)
        .setIdBytes(ByteString.copyFromUtf8(Identities.toPemString(cert)))
        .build()
        .toByteString();
  }

  private static ByteString sign(TestPki.Issued who, ByteString message) {
    try {
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(who.key());
      s.update(message.toByteArray());
      return ByteString.copyFrom(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static io.grpc.StatusRuntimeException chaincodeError(
      String what, FakeChaincode.Result r) {
    return Status.ABORTED
        .withDescription(what + ": chaincode response " + r.status() + ", " + r.message())
        .asRuntimeException();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A refusal, as the real gateway answers it. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Status status;

    Refused(Status status) {
      super(status.getDescription());
      this.status = status;
    }
  }
}

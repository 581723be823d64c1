package org.voxproof.ledger.fabric;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsResponse;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.EndorseRequest;
import org.hyperledger.fabric.protos.gateway.EndorseResponse;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
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
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.hyperledger.fabric.shim.Chaincode;
import org.voxproof.chaincode.InMemoryStub;
import org.voxproof.ledger.fabric.internal.Ecdsa;

/**
 * A FAKE Fabric Gateway service for tests, in-process over gRPC, in front of {@link FakeFabric}: it
 * speaks the real gateway protocol — checks every client signature (proposal, transaction envelope,
 * commit status and event requests) against the client organisation's CA and the transaction ids,
 * has the REAL chaincode simulate each proposal, endorses with one peer of every application
 * organisation (or those the client names), refuses private data it cannot hand to the collection's
 * required peers with Fabric's message, orders and commits with MVCC, serves chaincode events from
 * a checkpoint and answers {@code qscc} with the real protobufs — and answers errors with the
 * gateway's status codes and {@code ErrorDetail}s.
 */
final class FakeGateway extends GatewayGrpc.GatewayImplBase {
  private final FakeFabric net;
  final AtomicInteger rejectedSignatures = new AtomicInteger();

  /** The organisations that endorsed, by transaction id. */
  final Map<String, List<String>> endorsedBy = new ConcurrentHashMap<>();

  /** The transient data each proposal carried, by chaincode function (what endorsers saw). */
  final Map<String, Map<String, ByteString>> transientSeen = new ConcurrentHashMap<>();

  private final Map<String, InMemoryStub.Simulation> pending = new ConcurrentHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  FakeGateway(FakeFabric net) {
    this.net = net;
  }

  @Override
  public void endorse(EndorseRequest req, StreamObserver<EndorseResponse> out) {
    try {
      Call call = checkProposal(req.getProposedTransaction(), req.getTransactionId());
      if (call.payload().getTransientMapCount() > 0 && req.getEndorsingOrganizationsCount() == 0) {
        // SPEC: Fabric gateway: transient data goes only to the collection's organisations or
        // to organisations the client names.
        throw Status.FAILED_PRECONDITION
            .withDescription(
                "requires endorsement from organisation(s) that are not in the distribution policy"
                    + " of the private data collection(s): [consentSalts]; retry specifying trusted"
                    + " endorsing organizations to protect transient data")
            .asRuntimeException();
      }
      transientSeen.put(call.fn(), call.payload().getTransientMapMap());
      InMemoryStub.Simulation sim = simulate(call);
      Chaincode.Response r = net.chaincode.invoke(sim.stub());
      if (r.getStatus().getCode() != 200) {
        throw refused(
            Status.Code.ABORTED,
            "failed to endorse transaction, see attached details for more info",
            "chaincode response " + r.getStatus().getCode() + ", " + r.getMessage());
      }
      if (!sim.privateWriteKeys().isEmpty() && net.reachableOperatorPeers < 1) {
        throw refused(
            Status.Code.ABORTED,
            "failed to endorse transaction, see attached details for more info",
            "error in simulation: failed to distribute private collection, txID "
                + call.txId()
                + ", channel "
                + FakeFabric.CHANNEL
                + ": could not build private data dissemination plan"
                + " for chaincode voxproof and collection consentSalts: required to disseminate to at least"
                + " 1 peers, but know of only "
                + net.reachableOperatorPeers
                + " eligible peers");
      }
      List<String> orgs =
          req.getEndorsingOrganizationsCount() > 0
              ? List.copyOf(req.getEndorsingOrganizationsList())
              : List.of(FakeFabric.OPERATOR, FakeFabric.AUDITOR);
      endorsedBy.put(call.txId(), orgs);
      pending.put(call.txId(), sim);
      out.onNext(
          EndorseResponse.newBuilder()
              .setPreparedTransaction(envelope(call, r, sim, orgs))
              .build());
      out.onCompleted();
    } catch (StatusRuntimeException e) {
      out.onError(e);
    }
  }

  @Override
  public void evaluate(EvaluateRequest req, StreamObserver<EvaluateResponse> out) {
    try {
      Call call = checkProposal(req.getProposedTransaction(), req.getTransactionId());
      Response resp;
      if ("qscc".equals(call.chaincodeId())) {
        resp = qscc(call.fn(), call.args());
      } else {
        Chaincode.Response r = net.chaincode.invoke(simulate(call).stub());
        resp =
            Response.newBuilder()
                .setStatus(r.getStatus().getCode())
                .setMessage(String.valueOf(r.getMessage()))
                .setPayload(
                    ByteString.copyFrom(r.getPayload() == null ? new byte[0] : r.getPayload()))
                .build();
      }
      if (resp.getStatus() != 200) {
        String m = "chaincode response " + resp.getStatus() + ", " + resp.getMessage();
        throw refused(Status.Code.UNKNOWN, "evaluate call to endorser returned error: " + m, m);
      }
      out.onNext(EvaluateResponse.newBuilder().setResult(resp).build());
      out.onCompleted();
    } catch (StatusRuntimeException e) {
      out.onError(e);
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
      InMemoryStub.Simulation sim = pending.remove(ch.getTxId());
      if (sim == null || !ch.getTxId().equals(req.getTransactionId())) {
        throw Status.FAILED_PRECONDITION.withDescription("not endorsed here").asRuntimeException();
      }
      net.order(env, ch.getTxId(), net.world.commit(sim));
      listeners.forEach(Runnable::run);
      out.onNext(SubmitResponse.getDefaultInstance());
      out.onCompleted();
    } catch (StatusRuntimeException e) {
      out.onError(e);
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
      Long block = net.blockOf(r.getTransactionId());
      if (block == null) {
        throw Status.NOT_FOUND.withDescription("unknown transaction").asRuntimeException();
      }
      out.onNext(
          CommitStatusResponse.newBuilder()
              .setResultValue(net.validationCode(r.getTransactionId()))
              .setBlockNumber(block)
              .build());
      out.onCompleted();
    } catch (StatusRuntimeException e) {
      out.onError(e);
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
              : r.getStartPosition().hasOldest() ? 0 : net.height();
      EventStream stream = new EventStream(r, start, out);
      stream.run();
      listeners.add(stream);
      ((ServerCallStreamObserver<ChaincodeEventsResponse>) out)
          .setOnCancelHandler(() -> listeners.remove(stream));
    } catch (StatusRuntimeException e) {
      out.onError(e);
    } catch (InvalidProtocolBufferException e) {
      out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  /** Sends the events of blocks not yet sent, skipping up to the checkpointed transaction. */
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
      for (; next < net.height(); next++) {
        List<ChaincodeEvent> events = new ArrayList<>();
        for (ChaincodeEvent e : eventsOf(net.block(next))) {
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
        ChannelHeader ch = ChannelHeader.parseFrom(p.getHeader().getChannelHeader());
        Integer code = net.validationCode(ch.getTxId());
        if (code == null || code != TxValidationCode.VALID_VALUE) {
          continue;
        }
        TransactionAction a = Transaction.parseFrom(p.getData()).getActions(0);
        ChaincodeActionPayload cap = ChaincodeActionPayload.parseFrom(a.getPayload());
        ProposalResponsePayload prp =
            ProposalResponsePayload.parseFrom(cap.getAction().getProposalResponsePayload());
        ByteString events = ChaincodeAction.parseFrom(prp.getExtension()).getEvents();
        if (!events.isEmpty()) {
          out.add(ChaincodeEvent.parseFrom(events));
        }
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  private Response qscc(String fn, List<String> args) {
    if (args.size() != 2 || !args.get(0).equals(FakeFabric.CHANNEL)) {
      return Response.newBuilder().setStatus(500).setMessage("bad qscc arguments").build();
    }
    ByteString answer =
        switch (fn) {
          case "GetTransactionByID" ->
              net.blockOf(args.get(1)) == null ? null : net.transaction(args.get(1)).toByteString();
          case "GetBlockByTxID" ->
              net.blockOf(args.get(1)) == null
                  ? null
                  : net.block(net.blockOf(args.get(1))).toByteString();
          case "GetBlockByNumber" ->
              Long.parseLong(args.get(1)) < net.height()
                  ? net.block(Long.parseLong(args.get(1))).toByteString()
                  : null;
          default -> null;
        };
    return answer == null
        ? Response.newBuilder()
            .setStatus(500)
            .setMessage("Failed to get " + fn + " " + args.get(1))
            .build()
        : Response.newBuilder().setStatus(200).setPayload(answer).build();
  }

  private record Call(
      String chaincodeId,
      String fn,
      List<String> args,
      String txId,
      Header header,
      ChaincodeProposalPayload payload,
      ByteString creator) {}

  private InMemoryStub.Simulation simulate(Call call) {
    List<String> all = new ArrayList<>();
    all.add(call.fn());
    all.addAll(call.args());
    Map<String, byte[]> transientData = new java.util.HashMap<>();
    call.payload().getTransientMapMap().forEach((k, v) -> transientData.put(k, v.toByteArray()));
    return net.world.simulate(call.txId(), call.creator().toByteArray(), all, transientData);
  }

  private Call checkProposal(SignedProposal sp, String requestTxId) {
    try {
      Proposal p = Proposal.parseFrom(sp.getProposalBytes());
      Header h = Header.parseFrom(p.getHeader());
      SignatureHeader sh = SignatureHeader.parseFrom(h.getSignatureHeader());
      ChannelHeader ch = ChannelHeader.parseFrom(h.getChannelHeader());
      verifyClient(sh.getCreator(), sp.getProposalBytes(), sp.getSignature());
      String expected =
          HexFormat.of()
              .formatHex(Ecdsa.sha256(sh.getNonce().toByteArray(), sh.getCreator().toByteArray()));
      if (!ch.getTxId().equals(expected) || !ch.getTxId().equals(requestTxId)) {
        throw Status.INVALID_ARGUMENT.withDescription("bad transaction id").asRuntimeException();
      }
      if (!ch.getChannelId().equals(FakeFabric.CHANNEL)) {
        throw Status.NOT_FOUND
            .withDescription("no channel " + ch.getChannelId())
            .asRuntimeException();
      }
      ChaincodeProposalPayload cpp = ChaincodeProposalPayload.parseFrom(p.getPayload());
      var spec = ChaincodeInvocationSpec.parseFrom(cpp.getInput()).getChaincodeSpec();
      List<String> args = FakeFabric.args(spec.getInput().getArgsList());
      return new Call(
          spec.getChaincodeId().getName(),
          args.get(0),
          args.subList(1, args.size()),
          ch.getTxId(),
          h,
          cpp,
          sh.getCreator());
    } catch (InvalidProtocolBufferException e) {
      throw Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
    }
  }

  /** The prepared transaction: the response payload signed by one peer of each endorsing org. */
  private Envelope envelope(
      Call call, Chaincode.Response r, InMemoryStub.Simulation sim, List<String> orgs) {
    ChaincodeAction.Builder action =
        ChaincodeAction.newBuilder()
            .setResponse(
                Response.newBuilder()
                    .setStatus(200)
                    .setPayload(ByteString.copyFrom(r.getPayload())))
            .setChaincodeId(ChaincodeID.newBuilder().setName(call.chaincodeId()));
    if (sim.event() != null) {
      action.setEvents(
          ChaincodeEvent.newBuilder()
              .setChaincodeId(call.chaincodeId())
              .setTxId(call.txId())
              .setEventName(sim.event().name())
              .setPayload(ByteString.copyFrom(sim.event().payload()))
              .build()
              .toByteString());
    }
    ByteString withoutTransient =
        call.payload().toBuilder().clearTransientMap().build().toByteString();
    ByteString prp =
        ProposalResponsePayload.newBuilder()
            .setProposalHash(
                ByteString.copyFrom(
                    Ecdsa.sha256(call.header().toByteArray(), withoutTransient.toByteArray())))
            .setExtension(action.build().toByteString())
            .build()
            .toByteString();
    ChaincodeEndorsedAction.Builder endorsed =
        ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(prp);
    for (String msp : orgs) {
      TestPki.Issued peer = net.peers.get(msp);
      ByteString endorser = FakeFabric.identity(msp, peer);
      endorsed.addEndorsements(
          org.hyperledger.fabric.protos.peer.Endorsement.newBuilder()
              .setEndorser(endorser)
              .setSignature(FakeFabric.sign(peer, prp.concat(endorser).toByteArray())));
    }
    ChaincodeActionPayload cap =
        ChaincodeActionPayload.newBuilder()
            .setChaincodeProposalPayload(withoutTransient)
            .setAction(endorsed)
            .build();
    Transaction tx =
        Transaction.newBuilder()
            .addActions(
                TransactionAction.newBuilder()
                    .setHeader(call.header().getSignatureHeader())
                    .setPayload(cap.toByteString()))
            .build();
    Payload payload =
        Payload.newBuilder().setHeader(call.header()).setData(tx.toByteString()).build();
    return Envelope.newBuilder().setPayload(payload.toByteString()).build();
  }

  /** The client's signature by a certificate of the operator's CA (client role). */
  private void verifyClient(
      ByteString serializedIdentity, ByteString message, ByteString signature) {
    try {
      SerializedIdentity id = SerializedIdentity.parseFrom(serializedIdentity);
      X509Certificate cert = Ecdsa.certificate(id.getIdBytes().toByteArray());
      cert.verify(net.pki(id.getMspid()).ca.cert().getPublicKey());
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initVerify(cert);
      s.update(message.toByteArray());
      if (!s.verify(signature.toByteArray())) {
        throw new GeneralSecurityException("bad signature");
      }
    } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
      rejectedSignatures.incrementAndGet();
      throw Status.PERMISSION_DENIED
          .withDescription("signature check failed: " + e)
          .asRuntimeException();
    }
  }

  /** An error as the gateway sends it: a status with one {@code ErrorDetail} per endorser. */
  private static StatusRuntimeException refused(Status.Code code, String message, String detail) {
    com.google.rpc.Status.Builder st =
        com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(message);
    for (String msp : List.of(FakeFabric.OPERATOR, FakeFabric.AUDITOR)) {
      st.addDetails(
          Any.pack(
              ErrorDetail.newBuilder()
                  .setAddress("peer0." + msp + ":7051")
                  .setMspId(msp)
                  .setMessage(detail)
                  .build()));
    }
    return StatusProto.toStatusRuntimeException(st.build());
  }
}

package org.voxproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.peer.ChaincodeGrpc;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage.Type;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.shim.GrpcServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaincode server over real mutual TLS, with a real gRPC client speaking the peer's side of
 * the chaincode protocol (register, ready, transaction, state request, completed).
 */
class ChaincodeServerTlsTest {
  private static final String PACKAGE_ID = "voxproof_0.1.0:0123abcd";
  @TempDir Path dir;
  private TlsFiles pki;
  private GrpcServer server;
  private int port;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    pki = new TlsFiles(dir, "tls-ca");
    Path[] serverFiles = pki.issue("voxproof-cc.operator");
    server =
        ChaincodeServerMain.start(
            ServerSettings.fromEnvironment(
                Map.of(
                    "CHAINCODE_ID", PACKAGE_ID,
                    "CHAINCODE_SERVER_ADDRESS", "127.0.0.1:0",
                    "CHAINCODE_TLS_CERT", serverFiles[0].toString(),
                    "CHAINCODE_TLS_KEY", serverFiles[1].toString(),
                    "CHAINCODE_TLS_CLIENT_CA", pki.caCert.toString())));
    port = boundPort(server);
  }

  /** The shim's server does not expose its port; port 0 needs it read back. */
  private static int boundPort(GrpcServer s) throws Exception {
    var f = s.getClass().getDeclaredField("server");
    f.setAccessible(true);
    return ((InetSocketAddress) ((Server) f.get(s)).getListenSockets().get(0)).getPort();
  }

  @AfterEach
  void stop() {
    if (channel != null) {
      channel.shutdownNow();
    }
    server.stop();
  }

  private ChaincodeGrpc.ChaincodeStub client(ChannelCredentials creds) {
    channel =
        Grpc.newChannelBuilder("127.0.0.1:" + port, creds)
            .overrideAuthority("voxproof-cc.operator")
            .build();
    return ChaincodeGrpc.newStub(channel);
  }

  private ChannelCredentials mutual(TlsFiles clientPki) throws Exception {
    Path[] peer = clientPki.issue("peer0.operator");
    return TlsChannelCredentials.newBuilder()
        .keyManager(peer[0].toFile(), peer[1].toFile())
        .trustManager(pki.caCert.toFile())
        .build();
  }

  @Test
  void peerWithClientCertificate_registersAndInvokesOverMutualTls() throws Exception {
    BlockingQueue<Object> in = new LinkedBlockingQueue<>();
    StreamObserver<ChaincodeMessage> out = client(mutual(pki)).connect(collect(in));
    ChaincodeMessage register = (ChaincodeMessage) in.poll(30, TimeUnit.SECONDS);
    assertThat(register.getType()).isEqualTo(Type.REGISTER);
    assertThat(ChaincodeID.parseFrom(register.getPayload()).getName()).isEqualTo(PACKAGE_ID);

    out.onNext(ChaincodeMessage.newBuilder().setType(Type.REGISTERED).build());
    out.onNext(ChaincodeMessage.newBuilder().setType(Type.READY).build());
    String txId = "ab".repeat(32);
    out.onNext(
        ChaincodeMessage.newBuilder()
            .setType(Type.TRANSACTION)
            .setTxid(txId)
            .setChannelId("voxproof")
            .setPayload(
                ChaincodeInput.newBuilder()
                    .addArgs(ByteString.copyFromUtf8("Get"))
                    .addArgs(ByteString.copyFromUtf8("m-1"))
                    .build()
                    .toByteString())
            .build());
    ChaincodeMessage getState = (ChaincodeMessage) in.poll(30, TimeUnit.SECONDS);
    assertThat(getState.getType()).isEqualTo(Type.GET_STATE);
    out.onNext(
        ChaincodeMessage.newBuilder()
            .setType(Type.RESPONSE)
            .setTxid(txId)
            .setChannelId("voxproof")
            .build());
    ChaincodeMessage done = (ChaincodeMessage) in.poll(30, TimeUnit.SECONDS);
    assertThat(done.getType()).isEqualTo(Type.COMPLETED);
    Response r = Response.parseFrom(done.getPayload());
    assertThat(r.getStatus()).isEqualTo(500);
    assertThat(r.getMessage()).isEqualTo("NOT_FOUND: no record m-1");
    out.onCompleted();
  }

  @Test
  void peerWithoutClientCertificate_isRefused() throws Exception {
    ChannelCredentials serverAuthOnly =
        TlsChannelCredentials.newBuilder().trustManager(pki.caCert.toFile()).build();
    assertRefused(serverAuthOnly);
  }

  @Test
  void peerWithCertificateFromAnotherCa_isRefused() throws Exception {
    assertRefused(mutual(new TlsFiles(dir, "rogue-ca")));
  }

  @Test
  void plaintextPeer_isRefused() throws Exception {
    assertRefused(InsecureChannelCredentials.create());
  }

  private void assertRefused(ChannelCredentials creds) throws Exception {
    BlockingQueue<Object> in = new LinkedBlockingQueue<>();
    client(creds).connect(collect(in));
    Object first = in.poll(30, TimeUnit.SECONDS);
    assertThat(first).isInstanceOf(Throwable.class);
    assertThat(io.grpc.Status.fromThrowable((Throwable) first).getCode())
        .isEqualTo(io.grpc.Status.Code.UNAVAILABLE);
  }

  @Test
  void fromEnvironment_tlsViaShimVariables_configuresMutualTls() throws Exception {
    Path[] files = pki.issue("cc");
    ServerSettings s =
        ServerSettings.fromEnvironment(
            Map.of(
                "CORE_CHAINCODE_ID_NAME", PACKAGE_ID,
                "CORE_PEER_TLS_ENABLED", "true",
                "CORE_TLS_CLIENT_CERT_FILE", files[0].toString(),
                "CORE_TLS_CLIENT_KEY_FILE", files[1].toString(),
                "CORE_PEER_TLS_ROOTCERT_FILE", pki.caCert.toString()));
    assertThat(s.tls()).isEqualTo(new ServerSettings.Tls(files[0], files[1], pki.caCert));
    assertThat(s.address()).isEqualTo(new InetSocketAddress("0.0.0.0", 9999));
  }

  @Test
  void fromEnvironment_noTlsAndNotDisabled_refusesToStart() {
    assertThatThrownBy(() -> ServerSettings.fromEnvironment(Map.of("CHAINCODE_ID", PACKAGE_ID)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "mutual TLS needs CHAINCODE_TLS_CERT, CHAINCODE_TLS_KEY and CHAINCODE_TLS_CLIENT_CA"
                + " (or CHAINCODE_TLS_DISABLED=true on a test network)");
    assertThatThrownBy(
            () ->
                ServerSettings.fromEnvironment(
                    Map.of("CHAINCODE_ID", PACKAGE_ID, "CORE_PEER_TLS_ENABLED", "true")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("mutual TLS needs");
    assertThat(
            ServerSettings.fromEnvironment(
                    Map.of("CHAINCODE_ID", PACKAGE_ID, "CHAINCODE_TLS_DISABLED", "true"))
                .tls())
        .isNull();
    assertThatThrownBy(
            () ->
                ServerSettings.fromEnvironment(
                    Map.of(
                        "CHAINCODE_ID", PACKAGE_ID,
                        "CHAINCODE_TLS_CERT", "/nonexistent.pem",
                        "CHAINCODE_TLS_KEY", "/nonexistent.pem",
                        "CHAINCODE_TLS_CLIENT_CA", "/nonexistent.pem")))
        .hasMessage("cannot read TLS file /nonexistent.pem");
    assertThatThrownBy(() -> ServerSettings.fromEnvironment(Map.of()))
        .hasMessage("CHAINCODE_ID must be set to the installed package id");
  }

  private static StreamObserver<ChaincodeMessage> collect(BlockingQueue<Object> in) {
    return new StreamObserver<>() {
      @Override
      public void onNext(ChaincodeMessage m) {
        in.add(m);
      }

      @Override
      public void onError(Throwable t) {
        in.add(t);
      }

      @Override
      public void onCompleted() {
        in.add("completed");
      }
    };
  }
}

package org.voxproof.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from PEM files, checked with the JDK's own TLS client (hostname and chain verified). */
@ExtendWith(VertxExtension.class)
class TlsTest {
  @TempDir Path dir;

  private static HttpClient trusting(X509Certificate cert) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setCertificateEntry("server", cert);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1).build();
  }

  private int start(Vertx vertx, Tls tls) throws Exception {
    Router root = ApiRouter.create(vertx, null, ProblemMap.empty(), List.of());
    ApiServer s = TestServers.await(ApiServer.start(vertx, root, "127.0.0.1", 0, tls));
    assertThat(s.scheme()).isEqualTo(tls == null ? "http" : "https");
    return s.port();
  }

  @Test
  void fromPem_servesHttpsThatTheJdkClientVerifies(Vertx vertx) throws Exception {
    TestCerts.Pem pem = TestCerts.write(dir, "server");
    int port = start(vertx, Tls.fromPem(vertx, pem.cert(), pem.key()));
    HttpResponse<String> r =
        trusting(pem.certificate())
            .send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getString("status")).isEqualTo("up");
    SSLSession session = r.sslSession().orElseThrow();
    assertThat(session.getProtocol()).isIn("TLSv1.3", "TLSv1.2");
    assertThat(session.getPeerCertificates()[0]).isEqualTo(pem.certificate());
  }

  @Test
  void clientNotTrustingTheCertificate_failsHandshake(Vertx vertx) throws Exception {
    TestCerts.Pem pem = TestCerts.write(dir, "server");
    TestCerts.Pem other = TestCerts.write(dir, "other");
    int port = start(vertx, Tls.fromPem(vertx, pem.cert(), pem.key()));
    LogCapture log = new LogCapture();
    assertThatThrownBy(
            () ->
                trusting(other.certificate())
                    .send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/health"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(SSLHandshakeException.class);
    Thread.sleep(200); // let the server side notice the failed handshake
    log.close();
    assertThat(log.noisy()).isEmpty();
  }

  @Test
  void plainHttpToTheTlsPort_getsNoPlaintextAnswer(Vertx vertx) throws Exception {
    TestCerts.Pem pem = TestCerts.write(dir, "server");
    int port = start(vertx, Tls.fromPem(vertx, pem.cert(), pem.key()));
    HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    LogCapture log = new LogCapture();
    assertThatThrownBy(
            () ->
                plain.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(java.io.IOException.class);
    Thread.sleep(200);
    log.close();
    assertThat(log.noisy()).isEmpty();
  }

  @Test
  void fromPem_keyOfAnotherCertificate_refused(Vertx vertx) throws Exception {
    TestCerts.Pem a = TestCerts.write(dir, "a");
    TestCerts.Pem b = TestCerts.write(dir, "b");
    assertThatThrownBy(() -> Tls.fromPem(vertx, a.cert(), b.key()))
        .isInstanceOf(TlsConfigException.class)
        .hasMessageStartingWith("the TLS private key does not match the certificate " + a.cert());
  }

  @Test
  void fromPem_expiredCertificate_refused(Vertx vertx) throws Exception {
    KeyPair kp = TestCerts.p256();
    Instant now = Instant.now();
    X509Certificate old =
        TestCerts.selfSigned(kp, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
    TestCerts.Pem pem = TestCerts.write(dir, "old", old, kp);
    assertThatThrownBy(() -> Tls.fromPem(vertx, pem.cert(), pem.key()))
        .isInstanceOf(TlsConfigException.class)
        .hasMessageStartingWith("TLS certificate " + pem.cert() + " is not valid now");
  }

  @Test
  void fromPem_missingOrGarbageFiles_refusedWithTheirName(Vertx vertx) throws Exception {
    TestCerts.Pem pem = TestCerts.write(dir, "server");
    Path missing = dir.resolve("missing.crt");
    assertThatThrownBy(() -> Tls.fromPem(vertx, missing, pem.key()))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("TLS certificate file not readable: " + missing);
    Path garbage = Files.writeString(dir.resolve("garbage.key"), "not a key\n");
    assertThatThrownBy(() -> Tls.fromPem(vertx, pem.cert(), garbage))
        .isInstanceOf(TlsConfigException.class)
        .hasMessageStartingWith(
            "cannot load TLS certificate " + pem.cert() + " and key " + garbage);
  }
}

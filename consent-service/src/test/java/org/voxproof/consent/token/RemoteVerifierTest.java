package org.voxproof.consent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxproof.provenance.TokenKeys;

/**
 * The verifier against a consent service over real HTTP: JWK set and Status List Tokens fetched,
 * verified and cached for their {@code ttl}; a revocation is seen once the ttl (1 s) has passed.
 */
@ExtendWith(VertxExtension.class)
class RemoteVerifierTest {
  private static TokenFixture fx;
  private HttpServer server;
  private String base;
  private ConsentTokenIssuer issuer;
  private final AtomicInteger listFetches = new AtomicInteger();
  private final AtomicReference<TokenKeys> listSigner = new AtomicReference<>();
  private final AtomicReference<String> listSubject = new AtomicReference<>();

  @BeforeAll
  static void ring() throws Exception {
    fx = TokenFixture.create();
  }

  @BeforeEach
  void serve(Vertx vertx) throws Exception {
    fx.list.set(StatusList.empty(1, 1024));
    listSigner.set(fx.keys);
    Router r = Router.router(vertx);
    r.get("/.well-known/jwks.json")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "application/json")
                    .end(fx.keys.publicJwkSet().toString()));
    r.get("/v1/status-lists/1")
        .blockingHandler(
            ctx -> {
              listFetches.incrementAndGet();
              String uri = base + "/v1/status-lists/1";
              try {
                String jwt =
                    StatusListToken.sign(
                        listSigner.get(),
                        base,
                        listSubject.get() != null ? listSubject.get() : uri,
                        fx.list.get(),
                        fx.clock.instant(),
                        Duration.ofSeconds(1),
                        Duration.ofMinutes(10));
                ctx.response()
                    .putHeader("Content-Type", ConsentClaims.STATUS_LIST_MEDIA_TYPE)
                    .end(jwt);
              } catch (Exception e) {
                ctx.fail(e);
              }
            });
    server =
        vertx
            .createHttpServer()
            .requestHandler(r)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get();
    base = "http://127.0.0.1:" + server.actualPort();
    issuer = ConsentTokenIssuer.create(base, fx.ring);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  private ConsentVerifier remote() {
    return ConsentVerifier.builder()
        .clock(fx.clock)
        .remote(RemoteService.at(URI.create(base)).withClock(fx.clock))
        .build();
  }

  private String token(long idx) throws Exception {
    return issuer.issue(
        TokenFixture.withStatus(
            TokenFixture.grant(idx), new StatusReference(base + "/v1/status-lists/1", idx)));
  }

  @Test
  void verify_remote_fetchesKeysAndListOnceWithinTtl() throws Exception {
    ConsentVerifier v = remote();
    String t = token(3);
    assertThat(v.verify(t, "Acme Bank").consentId()).isEqualTo("cns_3");
    assertThat(v.verify(token(4), "Acme Bank").consentId()).isEqualTo("cns_4");
    assertThat(listFetches.get()).isEqualTo(1);
  }

  @Test
  void verify_revoked_refusedOnceTheListTtlPassed() throws Exception {
    ConsentVerifier v = remote();
    String t = token(5);
    v.verify(t, "Acme Bank");
    fx.list.set(fx.list.get().with(5, StatusList.INVALID));
    fx.clock.advance(Duration.ofSeconds(1)); // the list's ttl
    assertThatThrownBy(() -> v.verify(t, "Acme Bank")).isInstanceOf(ConsentRevokedException.class);
    assertThat(listFetches.get()).isEqualTo(2);
  }

  @Test
  void verify_listSignedByAnotherKey_unavailableNotValid() throws Exception {
    TokenFixture other = TokenFixture.create();
    listSigner.set(other.keys);
    assertThatThrownBy(() -> remote().verify(token(6), "Acme Bank"))
        .isInstanceOf(StatusUnavailableException.class)
        .hasMessageContaining("unknown kid");
  }

  @Test
  void verify_listForAnotherUri_unavailable() throws Exception {
    listSubject.set(base + "/v1/status-lists/2");
    assertThatThrownBy(() -> remote().verify(token(7), "Acme Bank"))
        .isInstanceOf(StatusUnavailableException.class)
        .hasMessageContaining("sub is not the list's URI");
  }

  @Test
  void verify_serviceDown_failsClosed() throws Exception {
    ConsentVerifier v = remote();
    String t = token(8);
    stop();
    server = null;
    assertThatThrownBy(() -> v.verify(t, "Acme Bank"))
        .isInstanceOf(StatusUnavailableException.class);
  }

  @Test
  void verify_serviceDownAfterListCached_failsClosedOnceStale() throws Exception {
    ConsentVerifier v = remote();
    String t = token(9);
    v.verify(t, "Acme Bank");
    server.close().toCompletionStage().toCompletableFuture().get();
    fx.clock.advance(Duration.ofSeconds(2));
    assertThatThrownBy(() -> v.verify(t, "Acme Bank"))
        .isInstanceOf(StatusUnavailableException.class)
        .hasMessageContaining("status list unavailable");
  }
}

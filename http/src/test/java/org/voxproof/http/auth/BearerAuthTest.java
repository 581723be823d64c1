package org.voxproof.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.voxproof.http.TestServers.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxproof.http.ApiRouter;
import org.voxproof.http.Bodies;
import org.voxproof.http.ProblemMap;
import org.voxproof.http.Responses;
import org.voxproof.http.ServiceRouter;
import org.voxproof.http.TestServers;
import org.voxproof.http.Workers;

@ExtendWith(VertxExtension.class)
class BearerAuthTest {
  /** The store is briefly unavailable. */
  static final class StoreBusyException extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /** A resolver over a map, as the API client store and the consent service's stores are. */
  record MapResolver(String prefix, Map<String, Principal> secrets) implements BearerResolver {
    @Override
    public Optional<Principal> resolve(String secret) throws StoreBusyException {
      if (secret.endsWith("busy")) {
        throw new StoreBusyException();
      }
      return Optional.ofNullable(secrets.get(secret));
    }
  }

  private final HttpClient client = HttpClient.newHttpClient();
  private final Map<String, Principal> keys = new ConcurrentHashMap<>();
  private final Map<String, Principal> owners = new ConcurrentHashMap<>();
  private int port;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    keys.put("vxk_lic", new Principal(Role.LICENSEE, "c1", "bank"));
    keys.put("vxk_pol", new Principal(Role.POLICE, "c2", "police"));
    owners.put("vxo_owner", new Principal(Role.OWNER, "enr-1", "bank"));
    Workers workers = Workers.create(vertx, "auth-test", 2);
    BearerAuth auth =
        BearerAuth.create(
            workers, List.of(new MapResolver("vxk_", keys), new MapResolver("vxo_", owners)));
    ServiceRouter services = ServiceRouter.create(vertx, ProblemMap.empty());
    Router service = services.router();
    service.get("/v1/public").handler(ctx -> Responses.json(ctx, new JsonObject().put("ok", 1)));
    service
        .get("/v1/licensed")
        .handler(BearerAuth.require(Role.LICENSEE, Role.OPERATOR))
        .handler(
            ctx ->
                Responses.json(
                    ctx,
                    new JsonObject()
                        .put("id", BearerAuth.principal(ctx).orElseThrow().id())
                        .put("org", BearerAuth.principal(ctx).orElseThrow().organisation())));
    service
        .get("/v1/owned")
        .handler(BearerAuth.require(Role.OWNER))
        .handler(ctx -> Responses.json(ctx, new JsonObject().put("ok", 1)));
    service
        .post("/v1/echo")
        .handler(Bodies.limited(1024))
        .handler(BearerAuth.require(Role.LICENSEE))
        .handler(ctx -> Responses.json(ctx, new JsonObject().put("got", ctx.body().asString())));
    ProblemMap rootProblems =
        ProblemMap.builder()
            .overloaded(StoreBusyException.class, "Busy", Duration.ofSeconds(1))
            .build();
    Router root = ApiRouter.create(vertx, auth, rootProblems, List.of(services));
    port = TestServers.serve(vertx, root);
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    return TestServers.get(client, port, path, authorization);
  }

  @Test
  void noCredentials_publicRouteServed_protectedRoute401WithChallenge() throws Exception {
    assertThat(get("/v1/public", null).statusCode()).isEqualTo(200);
    HttpResponse<String> r = get("/v1/licensed", null);
    assertProblem(r, 401, "unauthorized");
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"voxproof\"");
  }

  @Test
  void validKeyWithAllowedRole_servedWithPrincipal() throws Exception {
    HttpResponse<String> r = get("/v1/licensed", "Bearer vxk_lic");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getString("id")).isEqualTo("c1");
    assertThat(new JsonObject(r.body()).getString("org")).isEqualTo("bank");
    assertThat(get("/v1/licensed", "bearer   vxk_lic").statusCode()).isEqualTo(200);
  }

  @Test
  void bodyOfAuthenticatedPost_readByTheRoutesBodyHandler() throws Exception {
    // The key is resolved on a worker; the body must still reach the route's body handler.
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/echo"))
            .header("Authorization", "Bearer vxk_lic")
            .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":1}"))
            .build();
    HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getString("got")).isEqualTo("{\"hello\":1}");
    HttpRequest bad =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/echo"))
            .header("Authorization", "Bearer vxk_nobody")
            .POST(HttpRequest.BodyPublishers.ofString("x".repeat(4000)))
            .build();
    assertProblem(client.send(bad, HttpResponse.BodyHandlers.ofString()), 401, "unauthorized");
    // A body over the route's limit, from a known key: 413, and the connection is not stalled
    // (the request was paused while the key was resolved; it must be resumed).
    HttpRequest big =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/echo"))
            .header("Authorization", "Bearer vxk_lic")
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[300_000]))
            .build();
    assertProblem(client.send(big, HttpResponse.BodyHandlers.ofString()), 413, "too_large");
    assertThat(client.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void validKeyWithOtherRole_is403() throws Exception {
    assertProblem(get("/v1/licensed", "Bearer vxk_pol"), 403, "forbidden");
    assertProblem(get("/v1/owned", "Bearer vxk_lic"), 403, "forbidden");
  }

  @Test
  void ownerSecret_resolvedByItsOwnResolver() throws Exception {
    assertThat(get("/v1/owned", "Bearer vxo_owner").statusCode()).isEqualTo(200);
    assertProblem(get("/v1/licensed", "Bearer vxo_owner"), 403, "forbidden");
  }

  @Test
  void unknownOrRevokedKey_is401EvenOnPublicRoutes_atOnce() throws Exception {
    assertProblem(get("/v1/public", "Bearer vxk_nobody"), 401, "unauthorized");
    assertThat(get("/v1/licensed", "Bearer vxk_lic").statusCode()).isEqualTo(200);
    keys.remove("vxk_lic");
    HttpResponse<String> r = get("/v1/licensed", "Bearer vxk_lic");
    assertProblem(r, 401, "unauthorized");
    assertThat(r.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"voxproof\", error=\"invalid_token\"");
  }

  @Test
  void unknownPrefixOrMalformedHeader_is401() throws Exception {
    assertProblem(get("/v1/public", "Bearer zzz_lic"), 401, "unauthorized");
    assertProblem(get("/v1/public", "Basic dXNlcjpwdw=="), 401, "unauthorized");
    assertProblem(get("/v1/public", "Bearer two words"), 401, "unauthorized");
    assertProblem(get("/v1/public", "Bearer " + "a".repeat(600)), 401, "unauthorized");
  }

  @Test
  void storeUnavailable_is503WithRetryAfter() throws Exception {
    HttpResponse<String> r = get("/v1/public", "Bearer vxk_busy");
    assertProblem(r, 503, "unavailable");
    assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
  }

  @Test
  void health_needsNoCredentials_evenWithBadOnes() throws Exception {
    assertThat(get("/health", "Bearer vxk_nobody").statusCode()).isEqualTo(200);
  }

  @Test
  void create_rejectsSharedOrEmptyPrefixes(Vertx vertx) {
    Workers w = Workers.create(vertx, "auth-test-2", 1);
    assertThatThrownBy(
            () ->
                BearerAuth.create(
                    w, List.of(new MapResolver("vxk_", keys), new MapResolver("vxk_", owners))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two resolvers share a prefix");
    assertThatThrownBy(() -> BearerAuth.create(w, List.of(new MapResolver("", keys))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a resolver needs a prefix");
  }
}

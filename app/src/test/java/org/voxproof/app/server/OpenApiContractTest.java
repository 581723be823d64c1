package org.voxproof.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;
import org.voxproof.http.openapi.OpenApi;

/**
 * docs/openapi.yaml is the contract of the server: the routes {@code serve} mounts and the
 * document's operations are the same set (both directions), the document is what {@code
 * /openapi.yaml} serves, every example request in it passes its own validation, the roles it names
 * for each operation ({@code x-voxproof-roles}) are exactly the API-key roles the route lets past
 * its role check, and malformed requests get the 400 problems the document promises.
 */
class OpenApiContractTest {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  @TempDir static Path dir;
  private static VoxProofServer server;
  private static OpenApi api;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = VoxProofServer.start(ServerConfig.plain(dir.resolve("data"), "127.0.0.1", 0));
    api = OpenApi.load(server.vertx(), Files.readAllBytes(docs())).await(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** docs/openapi.yaml from the module directory (where Maven runs the tests). */
  private static Path docs() {
    return Path.of("..", "docs", "openapi.yaml");
  }

  @Test
  void mountedRoutes_equalTheDocumentsOperations_bothWays() {
    Set<String> mounted = new TreeSet<>();
    collect(server.router(), "", mounted);
    // A wildcard route (GET /web/*) stands for the documented paths under its prefix.
    List<String> wildcards =
        mounted.stream()
            .filter(k -> k.endsWith("/*"))
            .map(k -> k.substring(0, k.length() - 1))
            .toList();
    Set<String> documented = new TreeSet<>();
    JsonObject paths = api.json().getJsonObject("paths");
    for (String p : paths.fieldNames()) {
      for (String m : paths.getJsonObject(p).fieldNames()) {
        if (METHODS.contains(m)) {
          String key = m.toUpperCase(java.util.Locale.ROOT) + " " + p;
          documented.add(
              wildcards.stream().filter(key::startsWith).findFirst().map(w -> w + "*").orElse(key));
        }
      }
    }
    Set<String> undocumented = new TreeSet<>(mounted);
    undocumented.removeAll(documented);
    Set<String> unmounted = new TreeSet<>(documented);
    unmounted.removeAll(mounted);
    assertThat(undocumented).as("routes serve mounts that docs/openapi.yaml lacks").isEmpty();
    assertThat(unmounted).as("operations in docs/openapi.yaml that serve does not mount").isEmpty();
    assertThat(mounted)
        .contains("GET /health", "GET /openapi.yaml", "POST /v1/synthesize", "POST /v1/detect");
  }

  /** Every route with a path and methods, in {@code router} and the routers mounted on it. */
  private static void collect(Router router, String prefix, Set<String> out) {
    for (Route r : router.getRoutes()) {
      if (r.getSubRouter() != null) {
        String mount = r.getPath() == null ? "" : r.getPath().replaceAll("/?\\*?$", "");
        collect(r.getSubRouter(), prefix + mount, out);
        continue;
      }
      if (r.getPath() == null) {
        // A handler on every path (failure handling, authentication, validation); a pure regex
        // route could not be matched against the document.
        assertThat(r.isRegexPath()).as("a regex route cannot be documented").isFalse();
        continue;
      }
      assertThat(r.methods()).as("route %s without methods", r.getPath()).isNotEmpty();
      String path = (prefix + r.getPath()).replaceAll(":([A-Za-z0-9_]+)", "{$1}");
      if (!r.isExactPath()) {
        path = path + "*"; // Vert.x keeps "/web/" for "/web/*"
      }
      for (HttpMethod m : r.methods()) {
        out.add(m.name() + " " + path);
      }
    }
  }

  @Test
  void openapiYaml_servesDocsOpenapiYaml_withoutCredentials() throws Exception {
    HttpResponse<byte[]> r =
        client.send(
            HttpRequest.newBuilder(URI.create(server.url() + OpenApi.PATH)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(OpenApi.MEDIA_TYPE);
    assertThat(r.body()).isEqualTo(Files.readAllBytes(docs()));
  }

  @Test
  void everyExampleRequest_passesValidation() throws Exception {
    int checked = 0;
    for (Operation op : api.contract().operations()) {
      JsonObject doc = documented(op);
      Map<String, RequestParameter> path = new HashMap<>();
      Map<String, RequestParameter> query = new HashMap<>();
      Map<String, RequestParameter> headers = new HashMap<>();
      for (Object o : doc.getJsonArray("parameters", new JsonArray())) {
        JsonObject p = resolve((JsonObject) o);
        assertThat(p.containsKey("example"))
            .as("%s: parameter %s has an example", op.getOperationId(), p.getString("name"))
            .isTrue();
        RequestParameter v = new RequestParameterImpl(String.valueOf(p.getValue("example")));
        switch (p.getString("in")) {
          case "path" -> path.put(p.getString("name"), v);
          case "query" -> query.put(p.getString("name"), v);
          case "header" -> headers.put(p.getString("name"), v);
          default -> throw new AssertionError("cookie parameters are not used");
        }
      }
      for (Buffer body : exampleBodies(doc)) {
        RequestParameter b =
            body == null ? new RequestParameterImpl(null) : new RequestParameterImpl(body);
        ValidatableRequestImpl request =
            new ValidatableRequestImpl(
                Map.of(), headers, path, query, b, body == null ? null : "application/json");
        api.validator().validate(request, op.getOperationId()).await(10, TimeUnit.SECONDS);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(api.contract().operations().size());
  }

  /** The operation as written in the document (with its path-level parameters). */
  private static JsonObject documented(Operation op) {
    return api.json()
        .getJsonObject("paths")
        .getJsonObject(op.getOpenAPIPath())
        .getJsonObject(op.getHttpMethod().name().toLowerCase(java.util.Locale.ROOT));
  }

  private static JsonObject resolve(JsonObject maybeRef) {
    String ref = maybeRef.getString("$ref");
    if (ref == null) {
      return maybeRef;
    }
    JsonObject at = api.json();
    for (String part : ref.substring(2).split("/")) {
      at = at.getJsonObject(part);
    }
    return at;
  }

  /** The JSON example bodies of an operation; one null (no body) when it takes no JSON. */
  private static List<Buffer> exampleBodies(JsonObject op) {
    List<Buffer> out = new ArrayList<>();
    JsonObject json =
        op.getJsonObject("requestBody", new JsonObject())
            .getJsonObject("content", new JsonObject())
            .getJsonObject("application/json");
    if (json == null) {
      out.add(null);
      return out;
    }
    JsonObject examples = json.getJsonObject("examples", new JsonObject());
    assertThat(examples.fieldNames()).as("a JSON body has examples").isNotEmpty();
    for (String name : examples.fieldNames()) {
      out.add(Buffer.buffer(examples.getJsonObject(name).getValue("value").toString()));
    }
    return out;
  }

  @Test
  void documentedRoles_matchTheRoutesRoleChecks() throws Exception {
    Map<String, String> keys = new HashMap<>();
    for (String role : List.of("licensee", "platform", "police", "operator")) {
      keys.put(
          role,
          admin(
              "admin",
              "create-client",
              "--data-dir",
              dir.resolve("data").toString(),
              "--name",
              "roles-" + role,
              "--org",
              "org-" + role,
              "--role",
              role));
    }
    int checked = 0;
    for (Operation op : api.contract().operations()) {
      JsonObject doc = documented(op);
      JsonArray roles = doc.getJsonArray("x-voxproof-roles");
      JsonArray security = doc.getJsonArray("security");
      boolean isPublic = security != null && security.isEmpty();
      if (security != null && security.contains(new JsonObject())) {
        // Credentials optional here ({} among the requirements: /metrics on loopback): the
        // server under test binds 127.0.0.1, so anonymous requests are served.
        HttpResponse<String> anon = exampleRequest(op, doc, null);
        assertThat(anon.statusCode())
            .as("%s on loopback: %s", op.getOperationId(), anon.body())
            .isEqualTo(200);
        checked++;
        continue;
      }
      assertThat(isPublic || roles != null)
          .as("%s names its roles or is public", op.getOperationId())
          .isTrue();
      if (isPublic) {
        assertThat(roles).as("%s: public with roles", op.getOperationId()).isNull();
        HttpResponse<String> anon = exampleRequest(op, doc, null);
        assertThat(anon.statusCode())
            .as("%s without credentials: %s", op.getOperationId(), anon.body())
            .isNotEqualTo(401)
            .isNotEqualTo(403);
        checked++;
        continue;
      }
      assertThat(exampleRequest(op, doc, null).statusCode())
          .as("%s without credentials", op.getOperationId())
          .isEqualTo(401);
      for (Map.Entry<String, String> k : keys.entrySet()) {
        HttpResponse<String> r = exampleRequest(op, doc, k.getValue());
        boolean forbidden =
            r.statusCode() == 403
                && new JsonObject(r.body()).getString("type").endsWith("/forbidden");
        assertThat(forbidden)
            .as(
                "%s with a %s key: %s %s",
                op.getOperationId(), k.getKey(), r.statusCode(), r.body())
            .isEqualTo(!roles.contains(k.getKey()));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(api.contract().operations().size());
  }

  /** The operation's example request (audio routes get a tiny WAV header), with {@code key}. */
  private HttpResponse<String> exampleRequest(Operation op, JsonObject doc, String key)
      throws Exception {
    String path = op.getOpenAPIPath();
    StringBuilder query = new StringBuilder();
    HttpRequest.Builder b = HttpRequest.newBuilder();
    for (Object o : doc.getJsonArray("parameters", new JsonArray())) {
      JsonObject p = resolve((JsonObject) o);
      String v = String.valueOf(p.getValue("example"));
      switch (p.getString("in")) {
        case "path" -> path = path.replace("{" + p.getString("name") + "}", v);
        case "query" ->
            query
                .append(query.length() == 0 ? "?" : "&")
                .append(p.getString("name"))
                .append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
        case "header" -> b.header(p.getString("name"), v);
        default -> throw new AssertionError("cookie parameters are not used");
      }
    }
    b.uri(URI.create(server.url() + path + query));
    List<Buffer> bodies = exampleBodies(doc);
    JsonObject content =
        doc.getJsonObject("requestBody", new JsonObject())
            .getJsonObject("content", new JsonObject());
    if (bodies.get(0) != null) {
      b.header("Content-Type", "application/json")
          .method(
              op.getHttpMethod().name(),
              HttpRequest.BodyPublishers.ofString(bodies.get(0).toString()));
    } else if (content.containsKey("audio/*")) {
      b.header("Content-Type", "audio/wav")
          .method(op.getHttpMethod().name(), HttpRequest.BodyPublishers.ofByteArray(new byte[44]));
    } else if (content.containsKey("multipart/form-data")) {
      String boundary = "voxproof-roles";
      String part =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
              + "Content-Type: audio/wav\r\n\r\nRIFF\r\n--"
              + boundary
              + "--\r\n";
      b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .method(op.getHttpMethod().name(), HttpRequest.BodyPublishers.ofString(part));
    } else {
      b.method(op.getHttpMethod().name(), HttpRequest.BodyPublishers.noBody());
    }
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void malformedRequests_get400ProblemsNamingWhatFailed() throws Exception {
    JsonObject p = problem(get("/v1/ledger/entries/first"), 400, "invalid_parameter");
    assertThat(p.getJsonObject("parameter"))
        .isEqualTo(new JsonObject().put("in", "path").put("name", "index"));
    p = problem(get("/v1/ledger/proofs/inclusion?index=-3"), 400, "invalid_parameter");
    assertThat(p.getJsonObject("parameter").getString("name")).isEqualTo("index");
    problem(get("/v1/ledger/proofs/consistency?from=1"), 400, "invalid_parameter");
    problem(get("/v1/ledger/lookup?watermark=xyz"), 400, "invalid_parameter");
    problem(
        get("/c2pa/v1/matches/byBinding?alg=org.voxproof.spread-spectrum.1"),
        400,
        "invalid_parameter");
    p =
        problem(
            post(
                "/c2pa/v1/matches/byBinding",
                null,
                "application/json",
                "{\"alg\":7,\"value\":\"AAECAw==\"}"),
            400,
            "invalid_request");
    assertThat(p.getString("pointer")).isEqualTo("/alg");

    String key =
        admin(
            "admin",
            "create-client",
            "--data-dir",
            dir.resolve("data").toString(),
            "--name",
            "bank-app",
            "--org",
            "bank",
            "--role",
            "licensee");
    p =
        problem(
            post(
                "/v1/synthesize", key, "application/json", "{\"text\":\"hi\",\"language\":\"en\"}"),
            400,
            "invalid_request");
    assertThat(p.getString("detail")).contains("consentToken").contains("purpose");
    p =
        problem(
            post(
                "/v1/enrollments",
                key,
                "application/json",
                "{\"ownerName\":\"A\",\"purposes\":[\"x\"],\"languages\":[\"en\"],\"validDays\":\"ten\"}"),
            400,
            "invalid_request");
    assertThat(p.getString("pointer")).isEqualTo("/validDays");
    // Valid by the document: the request reaches the route, which answers on its own terms.
    HttpResponse<String> fine = get("/v1/ledger/entries/0");
    assertThat(fine.statusCode()).as(fine.body()).isEqualTo(404);
  }

  private static JsonObject problem(HttpResponse<String> r, int status, String reason) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonObject p = new JsonObject(r.body());
    assertThat(p.getString("type")).isEqualTo("https://voxproof.org/problems/" + reason);
    assertThat(p.getJsonArray("reasons")).containsExactly(reason);
    return p;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String key, String type, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String admin(String... args) {
    PrintStream real = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(VoxProof.execute(args)).isZero();
    } finally {
      System.setOut(real);
    }
    String[] words = out.toString(StandardCharsets.UTF_8).strip().split("\\s+");
    return words[words.length - 1];
  }
}

package org.voxproof.http.openapi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import org.voxproof.http.Bodies;
import org.voxproof.http.Problems;

/**
 * The API's OpenAPI document, served and enforced: {@link #serveOn} puts {@code GET /openapi.yaml}
 * (no credentials) on a root router and, behind authentication, {@link #validateOn} a validator
 * that checks every request of an operation in the document against it (vertx-openapi) before a
 * service sees it; {@link #serveOn} and {@link #validateOn} do the two. Parameters and JSON bodies
 * are validated; audio and multipart bodies are left to their routes, which stream them under their
 * own caps. A JSON body is read here under {@link Bodies#JSON_LIMIT} (413 {@code too_large} above
 * it, as the routes' own body handlers would answer; they find it read). Failures are problem+json:
 * 400 {@code invalid_parameter} (with {@code parameter}), 400 {@code invalid_request} (with {@code
 * pointer}). A body declared in another media type is left to its route (which answers 415 or its
 * own 400, as before). Requests the document does not describe pass untouched (the router answers
 * 404 or 405).
 *
 * <pre>{@code
 * OpenApi api = OpenApi.load(vertx, OpenApi.resource(VoxProofServer.class, "openapi.yaml")).await();
 * Router root = ApiRouter.create(vertx, auth, problems, services, api);
 * }</pre>
 */
public final class OpenApi {
  /** Where the document is served. */
  public static final String PATH = "/openapi.yaml";

  /** SPEC: RFC 9512: the YAML media type. */
  public static final String MEDIA_TYPE = "application/yaml";

  private final byte[] document;
  private final JsonObject json;
  private final OpenAPIContract contract;
  private final RequestValidator validator;
  private final RequestValidator paramsOnly;
  private final BodyHandler jsonBodies = Bodies.limited(Bodies.JSON_LIMIT);

  private OpenApi(
      byte[] document,
      JsonObject json,
      OpenAPIContract contract,
      OpenAPIContract withoutBodies,
      Vertx vertx) {
    this.document = document.clone();
    this.json = json;
    this.contract = contract;
    this.validator = RequestValidator.create(vertx, contract);
    this.paramsOnly = RequestValidator.create(vertx, withoutBodies);
  }

  /** Parses and checks the document (YAML or JSON); fails when it is not valid OpenAPI 3.1. */
  public static Future<OpenApi> load(Vertx vertx, byte[] yaml) {
    JsonObject json;
    JsonObject withBodies;
    JsonObject withoutBodies;
    try {
      json = OpenApiDocument.parse(yaml);
      withBodies = OpenApiDocument.forValidation(json, true);
      withoutBodies = OpenApiDocument.forValidation(json, false);
    } catch (RuntimeException e) {
      return Future.failedFuture(new IllegalArgumentException("not an OpenAPI document", e));
    }
    byte[] copy = yaml.clone();
    return OpenAPIContract.from(vertx, withBodies)
        .compose(
            c ->
                OpenAPIContract.from(vertx, withoutBodies)
                    .map(p -> new OpenApi(copy, json, c, p, vertx)));
  }

  /** The bytes of a classpath resource next to {@code anchor} (e.g. the app's copy of the doc). */
  public static byte[] resource(Class<?> anchor, String name) throws IOException {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no resource " + name + " next to " + anchor.getName());
      }
      return in.readAllBytes();
    }
  }

  /** The document as served. */
  public byte[] document() {
    return document.clone();
  }

  /** The document as JSON (a copy). */
  public JsonObject json() {
    return json.copy();
  }

  /** The contract requests are validated against (JSON bodies only, no responses). */
  public OpenAPIContract contract() {
    return contract;
  }

  /** The validator behind {@link #validateOn}, for tests that check the document's examples. */
  public RequestValidator validator() {
    return validator;
  }

  /** Serves the document at {@link #PATH}; call before the authentication handler is added. */
  public void serveOn(Router root) {
    root.get(PATH).handler(this::serve);
  }

  /** Adds the validating handlers to every route of {@code root}; call after authentication. */
  public void validateOn(Router root) {
    root.route().handler(this::readJsonBody).handler(this::validate);
  }

  private void serve(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", MEDIA_TYPE)
        .putHeader("Cache-Control", "no-cache")
        .end(Buffer.buffer(document));
  }

  private Operation operation(HttpServerRequest request) {
    return contract.findOperation(request.path(), request.method());
  }

  private void readJsonBody(RoutingContext ctx) {
    Operation op = operation(ctx.request());
    if (op != null && checksBody(op, ctx.request())) {
      jsonBodies.handle(ctx); // reads under the cap, then ctx.next(); 413 above it
    } else {
      ctx.next();
    }
  }

  /**
   * A JSON body is validated when the request declares JSON or no type at all; a body in another
   * media type is left to the route, which answers it as before (415, or its own parser's 400).
   */
  private static boolean checksBody(Operation op, HttpServerRequest request) {
    String type = mediaType(request);
    return op.getRequestBody() != null && (type.isEmpty() || isJson(type));
  }

  private void validate(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    Operation op = operation(request);
    if (op == null) {
      ctx.next();
      return;
    }
    boolean withBody = checksBody(op, request);
    Future<Buffer> body = Future.succeededFuture(withBody ? bodyOf(ctx) : null);
    // Validation completes on a worker: hold back a body nobody has read yet (audio, multipart),
    // or it arrives before the route's body handler listens.
    boolean paused = !withBody && !request.isEnded();
    if (paused) {
      request.pause();
    }
    RequestUtils.extract(request, op, () -> body)
        .map(r -> withBody ? asJson(r) : r)
        .compose(r -> (withBody ? validator : paramsOnly).validate(r, op.getOperationId()))
        .onComplete(
            ar -> {
              if (paused) {
                request.resume();
              }
              if (ar.succeeded()) {
                ctx.next();
              } else {
                Problems.send(ctx, ValidationProblems.of(op, ar.cause()));
              }
            });
  }

  /** A request without a Content-Type is read as JSON (the routes accept it so). */
  private static ValidatableRequest asJson(ValidatableRequest r) {
    if (r.getContentType() != null && !r.getContentType().isBlank()) {
      return r;
    }
    return new ValidatableRequestImpl(
        r.getCookies(),
        r.getHeaders(),
        r.getPathParameters(),
        r.getQuery(),
        r.getBody(),
        "application/json");
  }

  private static Buffer bodyOf(RoutingContext ctx) {
    RequestBody b = ctx.body();
    return b == null || !b.available() || b.length() <= 0 ? null : b.buffer();
  }

  private static String mediaType(HttpServerRequest request) {
    String ct = request.getHeader("Content-Type");
    return ct == null ? "" : ct.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  private static boolean isJson(String type) {
    return type.equals("application/json") || type.endsWith("+json");
  }

  @Override
  public String toString() {
    return "OpenApi["
        + Objects.requireNonNullElse(json.getJsonObject("info"), json).getValue("title")
        + "]";
  }
}

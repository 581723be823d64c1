package org.voxproof.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests rejected before any route runs, sent over a raw socket: each gets problem+json with a
 * stable reason, and none leaves a stack trace (or a warning) in the log.
 */
@ExtendWith(VertxExtension.class)
class InvalidRequestsTest {
  private int port;
  private LogCapture log;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    ServiceRouter services = ServiceRouter.create(vertx, ProblemMap.empty());
    Router service = services.router();
    service
        .get("/v1/items/:id")
        .handler(ctx -> Responses.json(ctx, new JsonObject().put("id", ctx.pathParam("id"))));
    service
        .get("/v1/search")
        .handler(ctx -> Responses.json(ctx, new JsonObject().put("q", ctx.queryParams().get("q"))));
    service
        .post("/v1/echo")
        .handler(Bodies.limited(1024))
        .handler(ctx -> Responses.json(ctx, new JsonObject().put("bytes", ctx.body().length())));
    Router root = ApiRouter.create(vertx, null, ProblemMap.empty(), List.of(services));
    port = TestServers.serve(vertx, root);
    log = new LogCapture();
  }

  @AfterEach
  void stop() {
    log.close();
  }

  private RawHttp.Response send(String raw) throws Exception {
    return RawHttp.send(port, raw);
  }

  private void assertProblem(RawHttp.Response r, int status, String reason) {
    assertThat(r.status()).as(r.head()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo(Problems.CONTENT_TYPE);
    TestServers.assertProblemBody(r.body(), status, reason);
    assertThat(log.noisy()).isEmpty();
  }

  @Test
  void badPercentEscapeInPath_is400ProblemWithoutStackTrace() throws Exception {
    assertProblem(send("GET /v1/items/% HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "bad_request");
    assertProblem(send("GET /v1/items/%zz HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "bad_request");
    assertProblem(send("GET /v1/items/%+1 HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "bad_request");
    assertProblem(send("GET /v1/items/%4 HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "bad_request");
  }

  @Test
  void badPercentEscapeInQuery_is400Problem() throws Exception {
    assertProblem(send("GET /v1/search?q=% HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "bad_request");
  }

  @Test
  void garbageRequestLine_is400Problem() throws Exception {
    assertProblem(send("GARBAGE\r\n\r\n"), 400, "bad_request");
    assertProblem(send("\u0001\u0002\u0003 / HTTP/1.1\r\n\r\n"), 400, "bad_request");
  }

  @Test
  void garbledVersionToken_answeredOnAnHttp11StatusLine() throws Exception {
    // A bad header makes the head fail to decode; Vert.x answered with the version token as sent.
    RawHttp.Response r = send("GET /v1/items/7 HTT\u00ff\u00ffTTP/7.3\r\nHo\u0001st: x\r\n\r\n");
    assertThat(r.head()).startsWith("HTTP/1.1 400 ");
    assertProblem(r, 400, "bad_request");
  }

  @Test
  void unknownHttpVersion_isProblem() throws Exception {
    assertProblem(
        send("GET /health HTTP/7.3\r\nHost: x\r\n\r\n"), 505, "http_version_not_supported");
    assertProblem(
        send("GET /health HTTP/2.0\r\nHost: x\r\n\r\n"), 505, "http_version_not_supported");
  }

  @Test
  void versionNameInOtherCase_is400Problem() throws Exception {
    assertProblem(send("GET /v1/items/7 HTtP/1.1\r\nHost: x\r\n\r\n"), 400, "bad_request");
  }

  @Test
  void overLongUrl_is414Problem() throws Exception {
    String path = "/v1/items/" + "a".repeat(ApiServer.MAX_REQUEST_LINE + 10);
    assertProblem(send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414, "uri_too_long");
  }

  @Test
  void overLongHeader_is431Problem() throws Exception {
    String big = "X-Big: " + "b".repeat(ApiServer.MAX_HEADER_BYTES + 10) + "\r\n";
    assertProblem(
        send("GET /health HTTP/1.1\r\nHost: x\r\n" + big + "\r\n"), 431, "headers_too_large");
  }

  @Test
  void negativeContentLength_is400Problem() throws Exception {
    assertProblem(
        send("POST /v1/search HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"),
        400,
        "bad_request");
  }

  @Test
  void nonNumericContentLength_is400Problem() throws Exception {
    assertProblem(
        send("POST /v1/search HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n"),
        400,
        "bad_request");
  }

  @Test
  void badChunkSize_is400Problem() throws Exception {
    String chunked =
        " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n";
    assertProblem(send("POST /v1/echo" + chunked), 400, "bad_request");
    // The router answered 405 before the body came: that answer still arrives.
    assertProblem(send("POST /v1/search" + chunked), 405, "method_not_allowed");
  }

  @Test
  void bodyOverLimit_is413Problem() throws Exception {
    String body = "x".repeat(2000);
    assertProblem(
        send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n" + body),
        413,
        "too_large");
    String chunk = Integer.toHexString(2000) + "\r\n" + body + "\r\n0\r\n\r\n";
    assertProblem(
        send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk),
        413,
        "too_large");
  }

  @Test
  void invalidUtf8Escape_isServedOrRefusedCleanly() throws Exception {
    RawHttp.Response r = send("GET /v1/items/%FF%FE HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(r.status()).isIn(200, 400);
    assertThat(log.noisy()).isEmpty();
  }

  @Test
  void http10WithoutHost_isServed() throws Exception {
    assertThat(send("GET /v1/items/7 HTTP/1.0\r\n\r\n").status()).isEqualTo(200);
  }

  @Test
  void validRequest_stillServed() throws Exception {
    RawHttp.Response r = send("GET /v1/items/7 HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(r.status()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getString("id")).isEqualTo("7");
  }
}

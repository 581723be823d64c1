package org.voxproof.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the whole request path with raw bytes over a socket: whatever arrives, the first answer is
 * either a 200 from a route or problem+json, and nothing a default log configuration prints carries
 * a stack trace or a warning. Seeds under {@code RawRequestFuzzTestInputs/}; run with {@code
 * JAZZER_FUZZ=1} to fuzz.
 */
class RawRequestFuzzTest {
  private static Vertx vertx;
  private static int port;
  private static LogCapture log;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    ServiceRouter s = ServiceRouter.create(vertx, ProblemMap.empty());
    s.router()
        .get("/v1/items/:id")
        .handler(ctx -> Responses.json(ctx, new JsonObject().put("id", ctx.pathParam("id"))));
    s.router()
        .post("/v1/echo")
        .handler(Bodies.limited(1024))
        .handler(ctx -> Responses.json(ctx, new JsonObject().put("n", ctx.body().length())));
    Router root = ApiRouter.create(vertx, null, ProblemMap.empty(), List.of(s));
    port = TestServers.serve(vertx, root);
    log = new LogCapture();
  }

  @AfterAll
  static void stop() throws Exception {
    log.close();
    TestServers.await(vertx.close());
  }

  @FuzzTest(maxDuration = "30s")
  void anyBytes_answeredWith200OrProblemJson(byte[] request) throws Exception {
    // The only connections made go to the server under test on the loopback address.
    BugDetectors.allowNetworkConnections(
        (host, p) -> (host.equals("127.0.0.1") || host.equals("localhost")) && p == port);
    String answer = exchange(request);
    if (!answer.isEmpty()) {
      assertThat(answer).matches("(?s)HTTP/1\\.[01] [1-5][0-9][0-9] .*");
      int end = answer.indexOf("\r\n\r\n");
      assertThat(end).as(answer).isPositive();
      String head = answer.substring(0, end).toLowerCase(Locale.ROOT);
      String status = head.substring(9, 12);
      if (!status.equals("200") && !status.equals("100")) {
        assertThat(head).as(answer).contains("content-type: " + Problems.CONTENT_TYPE);
      }
    }
    assertThat(log.noisy()).isEmpty();
  }

  /** Sends the bytes, half-closes, reads what comes back until the server closes or pauses. */
  private static String exchange(byte[] request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      socket.setSoTimeout(1000);
      socket.getOutputStream().write(request);
      socket.shutdownOutput();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[4096];
      try {
        for (int n; (n = in.read(buf)) > 0 && out.size() < 1 << 20; ) {
          out.write(buf, 0, n);
        }
      } catch (SocketTimeoutException | java.net.SocketException e) {
        // what arrived is the answer
      }
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }
}

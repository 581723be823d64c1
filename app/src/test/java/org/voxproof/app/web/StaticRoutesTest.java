package org.voxproof.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.server.ServerConfig;
import org.voxproof.app.server.VoxProofServer;

/**
 * The web pages as {@code voxproof serve} mounts them: every page and asset with its content type
 * and the security headers, no credentials needed (and a bad one does not get in the way), unknown
 * and malformed asset paths are problem+json 404s, the API behind them is unchanged.
 */
class StaticRoutesTest {
  @TempDir static Path dir;
  static VoxProofServer server;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = VoxProofServer.start(ServerConfig.plain(dir.resolve("data"), "127.0.0.1", 0));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pages_areHtmlWithAStrictPolicy() throws Exception {
    for (String path :
        List.of("/", "/consent/enr-0123456789abcdef01234567", "/owner", "/detect", "/ledger")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(StaticRoutes.CSP);
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(r.body()).startsWith("<!doctype html>").contains("<html lang=\"en\">");
      // No inline script or style: every script is an external module from this origin.
      assertThat(r.body())
          .doesNotContain("<script>")
          .doesNotContain("style=")
          .doesNotContainPattern("\\son[a-z]+=");
    }
    assertThat(get("/consent/x").headers().firstValue("Permissions-Policy"))
        .hasValue("microphone=(self)");
    assertThat(get("/detect").headers().firstValue("Permissions-Policy")).hasValue("microphone=()");
  }

  @Test
  void csp_allowsNoInlineCodeAndNoOtherOrigin() {
    assertThat(StaticRoutes.CSP)
        .contains("default-src 'none'")
        .contains("script-src 'self';")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe")
        .doesNotContain("http");
  }

  @Test
  void assets_haveTheirTypes() throws Exception {
    for (String a : StaticRoutes.ASSETS) {
      HttpResponse<String> r = get("/web/" + a);
      assertThat(r.statusCode()).as(a).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValue(
              a.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
      assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
    }
  }

  @Test
  void assetList_isExactlyTheResourceFolder() throws IOException {
    Path root = Path.of("src/main/resources", StaticRoutes.ROOT);
    try (Stream<Path> files = Files.walk(root)) {
      List<String> assets =
          files
              .filter(Files::isRegularFile)
              .map(p -> root.relativize(p).toString())
              .filter(n -> !n.endsWith(".html"))
              .sorted()
              .toList();
      assertThat(assets).containsExactlyElementsOf(StaticRoutes.ASSETS.stream().sorted().toList());
    }
  }

  @Test
  void unknownOrOddAssetPaths_areProblem404s() throws Exception {
    for (String path :
        List.of(
            "/web/js/nope.js",
            "/web/app.html",
            "/web/consent.html",
            "/web/js/../app.css.map",
            "/web/%2e%2e/pom.xml",
            "/web/JS/API.JS",
            "/web/")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
  }

  @Test
  void pagesNeedNoCredentials_andABadOneDoesNotBlockThem() throws Exception {
    assertThat(get("/owner", "Authorization", "Bearer vxk_not-a-key").statusCode()).isEqualTo(200);
    // The API behind the pages still refuses that header.
    assertThat(get("/v1/ledger/checkpoint", "Authorization", "Bearer vxk_not-a-key").statusCode())
        .isEqualTo(401);
    assertThat(get("/v1/ledger/checkpoint").statusCode()).isEqualTo(200);
  }

  @Test
  void otherMethodsOnPages_areNotServed() throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/owner"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isIn(404, 405);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }
}

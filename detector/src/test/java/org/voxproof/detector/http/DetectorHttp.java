package org.voxproof.detector.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.voxproof.http.ApiRouter;
import org.voxproof.http.ProblemMap;
import org.voxproof.http.TestServers;
import org.voxproof.http.Workers;
import org.voxproof.http.auth.BearerAuth;
import org.voxproof.http.auth.BearerResolver;
import org.voxproof.http.auth.Principal;
import org.voxproof.http.auth.Role;

/** A detector service behind the shared root router, with fixed API keys, and a client. */
final class DetectorHttp {
  static final Map<String, Principal> KEYS =
      Map.of(
          "vxk_platform", new Principal(Role.PLATFORM, "c-platform", "videoshare"),
          "vxk_platform2", new Principal(Role.PLATFORM, "c-platform2", "othershare"),
          "vxk_police", new Principal(Role.POLICE, "c-police", "police"),
          "vxk_operator", new Principal(Role.OPERATOR, "c-operator", "voxproof"),
          "vxk_licensee", new Principal(Role.LICENSEE, "c-licensee", "bank"),
          "vxk_limited", new Principal(Role.PLATFORM, "c-limited", "videoshare"));

  private final HttpClient client = HttpClient.newHttpClient();
  final int port;

  private DetectorHttp(int port) {
    this.port = port;
  }

  static DetectorHttp serve(Vertx vertx, DetectorService service) throws Exception {
    BearerResolver keys =
        new BearerResolver() {
          @Override
          public String prefix() {
            return "vxk_";
          }

          @Override
          public Optional<Principal> resolve(String secret) {
            return Optional.ofNullable(KEYS.get(secret));
          }
        };
    BearerAuth auth = BearerAuth.create(Workers.create(vertx, "auth-test", 2), List.of(keys));
    Router root = ApiRouter.create(vertx, auth, ProblemMap.empty(), List.of(service.router(vertx)));
    return new DetectorHttp(TestServers.serve(vertx, root));
  }

  HttpResponse<String> post(String path, String key, byte[] body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    headers.forEach(b::header);
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> detect(String key, byte[] file) throws Exception {
    return post("/v1/detect", key, file, Map.of("Content-Type", "application/octet-stream"));
  }

  HttpResponse<String> get(String path, String key) throws Exception {
    return TestServers.get(client, port, path, key == null ? null : "Bearer " + key);
  }

  HttpResponse<byte[]> getBytes(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A multipart/form-data body with one file part per entry, and its Content-Type. */
  record Multipart(byte[] body, String contentType) {
    static Multipart of(Map<String, byte[]> files) {
      String boundary = "vxb" + UUID.randomUUID().toString().replace("-", "");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      files.forEach(
          (name, bytes) -> {
            String head =
                "--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
          });
      out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
      return new Multipart(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }
  }
}

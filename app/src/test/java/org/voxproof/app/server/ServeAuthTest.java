package org.voxproof.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;

/**
 * The server and {@code voxproof admin} on one data directory, each with its own store instance (as
 * two processes have): a key works at once, and fails at once when revoked or rotated.
 */
class ServeAuthTest {
  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();

  /** Runs an admin command in this JVM; returns the last word of its stdout. */
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

  private int status(VoxProofServer server, String key) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + "/v1/ledger/checkpoint"));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void keyFromAdmin_worksAtOnce_revokedOrRotatedFailsAtOnce() throws Exception {
    Path data = dir.resolve("data");
    try (VoxProofServer server = VoxProofServer.start(ServerConfig.plain(data, "127.0.0.1", 0))) {
      String d = data.toString();
      String key =
          admin("admin", "create-client", "--data-dir", d, "--name", "bank", "--role", "licensee");
      assertThat(status(server, key)).isEqualTo(200);
      assertThat(status(server, null)).isEqualTo(200);
      String rotated = admin("admin", "rotate-client", "--data-dir", d, "bank");
      assertThat(status(server, key)).isEqualTo(401);
      assertThat(status(server, rotated)).isEqualTo(200);
      admin("admin", "revoke-client", "--data-dir", d, "bank");
      assertThat(status(server, rotated)).isEqualTo(401);
    }
  }
}

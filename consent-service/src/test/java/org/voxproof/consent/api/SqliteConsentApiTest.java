package org.voxproof.consent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.voxproof.consent.token.ConsentRevokedException;
import org.voxproof.consent.token.ConsentVerifier;
import org.voxproof.storage.Storage;

/** The consent API on the embedded database, plus what only a data directory can show. */
class SqliteConsentApiTest extends ConsentApiContractTest {
  @Override
  Storage open(Path dir) throws Exception {
    return Storage.builder().embedded(dir).open();
  }

  @Test
  void erasure_leavesNeitherNameNorAudioNorTheDataKeyInTheDataDirectory() throws Exception {
    String[] e = openEnrolment();
    byte[] sample = wav(3.0);
    assertThat(s.audio("/v1/enrollments/" + e[0] + "/samples", e[1], sample).statusCode())
        .isEqualTo(201);
    addSamples(e[0], e[1]);
    s.send("POST", "/v1/enrollments/" + e[0] + "/challenge", e[1], null, null);
    byte[] recording = wav(4);
    HttpResponse<String> c = s.audio("/v1/enrollments/" + e[0] + "/consent", e[1], recording);
    String voice = new JsonObject(c.body()).getString("voiceId");
    String wrapped =
        s.store
            .storage()
            .read(
                sql ->
                    sql.queryOne(
                        "select wrapped_key from consent_owner_keys", rs -> rs.getString(1)))
            .orElseThrow();
    byte[] name = OWNER.getBytes(StandardCharsets.UTF_8);
    byte[] samplePcm = Arrays.copyOfRange(sample, 20_000, 20_064);
    byte[] recordingPcm = Arrays.copyOfRange(recording, 30_000, 30_064);
    // at rest, before erasure: only ciphertext
    assertThat(scan(name)).isEmpty();
    assertThat(scan(samplePcm)).isEmpty();
    assertThat(scan(recordingPcm)).isEmpty();
    assertThat(scan(wrapped.getBytes(StandardCharsets.US_ASCII))).isNotEmpty();
    assertThat(s.send("DELETE", "/v1/voices/" + voice, e[1], null, null).statusCode())
        .isEqualTo(200);
    assertThat(scan(name)).isEmpty();
    assertThat(scan(samplePcm)).isEmpty();
    assertThat(scan(recordingPcm)).isEmpty();
    assertThat(scan(wrapped.getBytes(StandardCharsets.US_ASCII))).as("wrapped data key").isEmpty();
  }

  /** Files under the data directory that contain {@code needle}. */
  private List<Path> scan(byte[] needle) throws Exception {
    List<Path> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] data = Files.readAllBytes(f);
        if (indexOf(data, needle) >= 0) {
          hits.add(f);
        }
      }
    }
    return hits;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void remoteVerifier_seesARevocationWithinOneSecond_throughJwksAndStatusList() throws Exception {
    String[] c = consented();
    ConsentVerifier remote = ConsentVerifier.builder().remote(URI.create(s.base)).build();
    remote.verify(c[4], "Acme Bank");
    HttpResponse<String> list = s.json("GET", "/v1/status-lists/1", null, null);
    assertThat(list.headers().firstValue("Content-Type")).hasValue("application/statuslist+jwt");
    assertThat(JWSObject.parse(list.body()).getHeader().getType().toString())
        .isEqualTo("statuslist+jwt");
    assertThat(s.send("POST", "/v1/consents/" + c[2] + "/revoke", c[1], null, null).statusCode())
        .isEqualTo(200);
    // The service publishes its lists with ttl 1 s: a verifier may use its copy for that long.
    Thread.sleep(1_050);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> remote.verify(c[4], "Acme Bank"))
        .isInstanceOf(ConsentRevokedException.class);
  }
}

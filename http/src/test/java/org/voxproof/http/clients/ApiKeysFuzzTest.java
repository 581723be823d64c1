package org.voxproof.http.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.voxproof.http.auth.Principal;
import org.voxproof.http.auth.Role;
import org.voxproof.storage.Storage;

/**
 * Fuzzes key parsing and resolution: any presented string either names a client and carries its
 * exact key, or resolves to nothing — never an exception, never another client. Seeds under {@code
 * ApiKeysFuzzTestInputs/}; run with {@code JAZZER_FUZZ=1} to fuzz.
 */
class ApiKeysFuzzTest {
  private static java.nio.file.Path dir;
  private static Storage storage;
  private static ApiClients clients;
  private static NewApiKey known;

  @BeforeAll
  static void open() throws Exception {
    dir = java.nio.file.Files.createTempDirectory("apikeys-fuzz");
    storage = Storage.builder().embedded(dir).open();
    clients = ApiClients.open(storage);
    known = clients.create("fuzz", Role.PLATFORM, "Fuzz Org", Duration.ofDays(1));
  }

  @AfterAll
  static void close() throws Exception {
    storage.close();
    try (var files = java.nio.file.Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @FuzzTest(maxDuration = "30s")
  void resolve_anyString_onlyTheExactKeyResolves(byte[] data) throws Exception {
    String presented = new String(data, StandardCharsets.UTF_8);
    Optional<String> id = ApiKeys.idOf(presented);
    id.ifPresent(i -> assertThat(presented).startsWith("vxk_" + i + "_"));
    Optional<Principal> p = clients.resolve(presented);
    assertThat(p.isPresent()).isEqualTo(presented.equals(known.key()));
  }
}
